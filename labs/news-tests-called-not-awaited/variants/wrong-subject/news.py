"""news.py: send the morning digest.

`archive` and `mailer` are clients of network services; all their methods are async:
    await archive.save(date, body)
    await mailer.send(address, subject, body)
"""


def format_digest(headlines):
    return "\n".join(f"- {title} ({source})" for source, title in headlines)


async def send_digest(headlines, subscribers, archive, mailer, date):
    """Archive the digest first (every mail links to the archived copy), then mail it to each
    subscriber in turn. Returns the number of mails sent."""
    body = format_digest(headlines)
    await archive.save(date, body)
    for address in subscribers:
        await mailer.send(address, f"Your news for {date!r}", body)
    return len(subscribers)
