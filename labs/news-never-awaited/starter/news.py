"""news.py: fetch headlines from several sources at once and keep them in a cache.

The Chapter 11 version of the book's running example. A source is any object with a `name`
and an `async def fetch()` that returns a list of titles; the cache is the headline store.
"""
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True)
class Headline:
    source: str
    title: str


class Cache:
    """The headline store. In production it writes to a database; here it keeps a dict."""

    def __init__(self):
        self.saved = {}
        self.writes = 0

    async def store(self, headlines):
        await asyncio.sleep(0)  # stands in for the round trip to the database
        for headline in headlines:
            self.saved.setdefault(headline.source, []).append(headline.title)
        self.writes += 1


async def fetch(source):
    titles = await source.fetch()
    return [Headline(source.name, title) for title in titles]


async def fetch_all(sources):
    batches = await asyncio.gather(*(fetch(source) for source in sources))
    return [headline for batch in batches for headline in batch]


async def refresh(sources, cache):
    """Fetch every source, save what came back, and return it."""
    headlines = await fetch_all(sources)
    cache.store(headlines)
    return headlines
