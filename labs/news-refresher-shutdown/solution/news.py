"""news.py: keep the latest headlines of every source, refreshed in the background.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles.

    aggregator = Aggregator(sources, interval=60)
    await aggregator.start()     # first refresh now, then one every `interval` seconds
    ... aggregator.latest ...
    await aggregator.close()     # on shutdown
"""
import asyncio


class Aggregator:
    def __init__(self, sources, interval=60.0):
        self.sources = list(sources)
        self.interval = interval
        self.latest = {}
        self.refreshes = 0
        self._refresher = None

    async def start(self):
        await self.refresh()
        self._refresher = asyncio.create_task(self._refresh_periodically())

    async def _refresh_periodically(self):
        while True:
            await asyncio.sleep(self.interval)
            await self.refresh()

    async def refresh(self):
        results = await asyncio.gather(*(source.fetch() for source in self.sources))
        self.latest = {source.name: titles for source, titles in zip(self.sources, results)}
        self.refreshes += 1

    async def close(self):
        """Stop refreshing. Once close() returns, no refresh is running or will run."""
        refresher, self._refresher = self._refresher, None
        if refresher is not None:
            refresher.cancel()
            await asyncio.gather(refresher, return_exceptions=True)
