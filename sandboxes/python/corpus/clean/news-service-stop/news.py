import asyncio


class Aggregator:
    def __init__(self, sources):
        self.sources = sources
        self.headlines = {}
        self._pollers = []

    async def _poll(self, source):
        while True:
            self.headlines[source] = f"{source} headline"
            await asyncio.sleep(0.005)

    def start(self):
        self._pollers = [asyncio.create_task(self._poll(s)) for s in self.sources]

    async def stop(self):
        for poller in self._pollers:
            poller.cancel()
        try:
            await asyncio.wait_for(asyncio.gather(*self._pollers), timeout=1)
        except asyncio.CancelledError:
            pass  # raised by our own gather of the pollers we just cancelled
        self._pollers = []
