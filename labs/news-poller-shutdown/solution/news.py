"""news.py: poll every source on its own schedule, and shut down cleanly.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles.
Sources are flaky: fetch() may raise anything. A failing fetch is counted and the poller tries
again at its next interval; no source can take its poller, or the service, down.

    service = NewsService(sources, interval=30)
    service.start()
    ...
    await service.shutdown()     # on SIGTERM: stops every poller, returns once all have finished
"""
import asyncio


class Poller:
    def __init__(self, source, interval):
        self.source = source
        self.interval = interval
        self.latest = []
        self.polls = 0
        self.errors = 0

    async def run(self):
        while True:
            try:
                self.latest = await self.source.fetch()
                self.polls += 1
            except Exception:
                # a flaky source must never take its poller down
                self.errors += 1
            await asyncio.sleep(self.interval)


class NewsService:
    def __init__(self, sources, interval=30.0):
        self.pollers = [Poller(source, interval) for source in sources]
        self._tasks = []

    def start(self):
        self._tasks = [asyncio.create_task(poller.run()) for poller in self.pollers]

    async def shutdown(self):
        """Stop every poller; return once all of them have finished."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    def headlines(self):
        return {poller.source.name: poller.latest for poller in self.pollers}
