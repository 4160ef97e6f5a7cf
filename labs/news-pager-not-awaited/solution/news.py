"""news.py: publish fetched headlines to the feed and page the on-call editor for breaking news.

`feed` and `pager` are clients of two network services; both have only async methods:
    await feed.post(source, title)
    await pager.page(message)
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Headline:
    source: str
    title: str
    breaking: bool = False


def page_text(headline):
    return f"BREAKING from {headline.source}: {headline.title}"


async def publish(headlines, feed, pager):
    """Post every headline to the feed, in order, and page once for each breaking one.

    Returns the number of pages sent.
    """
    pages = 0
    for headline in headlines:
        await feed.post(headline.source, headline.title)
        if headline.breaking:
            await pager.page(page_text(headline))
            pages += 1
    return pages
