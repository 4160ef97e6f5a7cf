"""news.py: a headline cache in front of the sources.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles.
The cache keeps each source's titles for `ttl` seconds. When several tasks ask for the same
source at once, only one of them fetches: the others wait for it and get the same answer.
"""
import asyncio
import time


class HeadlineCache:
    def __init__(self, ttl=60.0):
        self.ttl = ttl
        self._entries = {}          # source name -> (stored at, titles)
        self._lock = asyncio.Lock()

    def _fresh(self, name):
        entry = self._entries.get(name)
        if entry and time.monotonic() - entry[0] < self.ttl:
            return entry[1]
        return None

    async def get(self, source):
        """The titles of `source`, from the cache when fresh, fetched otherwise."""
        async with self._lock:
            titles = self._fresh(source.name)
            if titles is None:
                titles = await source.fetch()
                await self.put(source.name, titles)
            return titles

    async def put(self, name, titles):
        async with self._lock:
            self._entries[name] = (time.monotonic(), list(titles))

    async def invalidate(self, name):
        async with self._lock:
            self._entries.pop(name, None)
