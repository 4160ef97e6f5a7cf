import asyncio
import threading


class Importer:
    """Parses a feed in a worker thread and hands each item back to the loop."""

    def __init__(self, on_item):
        self.on_item = on_item

    def _parse(self, loop, raw, done):
        for line in raw.splitlines():
            loop.call_soon_threadsafe(self.on_item, line.strip())  # expect: asyncmock-not-awaited
        loop.call_soon_threadsafe(done.set)

    async def run(self, raw):
        done = asyncio.Event()
        worker = threading.Thread(target=self._parse, args=(asyncio.get_running_loop(), raw, done))
        worker.start()
        await done.wait()
        worker.join()
