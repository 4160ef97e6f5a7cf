import asyncio


class Aggregator:
    def __init__(self, sources):
        self.sources = sources
        self.rounds = 0

    async def _fetch(self, source):
        await asyncio.sleep(0.001)

    async def run(self):
        """Polls every source each round. Looks like a teardown, but catches its *own* cancel."""
        while True:
            children = [asyncio.create_task(self._fetch(s)) for s in self.sources]
            try:
                await asyncio.gather(*children)
                await asyncio.sleep(0.005)
            except asyncio.CancelledError:  # expect: cancellation-swallowed
                for child in children:
                    child.cancel()
            self.rounds += 1
