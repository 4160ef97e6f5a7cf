"""news.py: fetch headlines from several sources at once, at most `limit` at a time.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles,
or raises SourceError when the source is down.
"""
import asyncio
from dataclasses import dataclass


class SourceError(Exception):
    pass


@dataclass
class Digest:
    headlines: dict  # source name -> titles, for the sources that answered, in the order given
    failed: list     # names of the sources that were down, in the order given


async def fetch_all(sources, limit=3):
    """Fetch every source concurrently, never more than `limit` at a time."""
    slots = asyncio.Semaphore(limit)
    headlines, failed = {}, []

    async def fetch(source):
        async with slots:
            try:
                headlines[source.name] = await source.fetch()
            except SourceError:
                failed.append(source.name)

    await asyncio.gather(*(fetch(source) for source in sources))
    return Digest(headlines=headlines, failed=failed)


def format_digest(digest):
    lines = []
    for name, titles in digest.headlines.items():
        lines.append(f"{name}:")
        lines.extend(f"  - {title}" for title in titles)
    if digest.failed:
        lines.append("unavailable: " + ", ".join(digest.failed))
    return "\n".join(lines)
