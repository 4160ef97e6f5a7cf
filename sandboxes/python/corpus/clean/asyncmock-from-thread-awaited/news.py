import asyncio
import threading


class Importer:
    def __init__(self, on_item):
        self.on_item = on_item

    def _parse(self, loop, raw):
        for line in raw.splitlines():
            # The coroutine is handed to the loop, which runs it as a task; the thread waits.
            asyncio.run_coroutine_threadsafe(self.on_item(line.strip()), loop).result(timeout=1)

    async def run(self, raw):
        loop = asyncio.get_running_loop()
        await asyncio.to_thread(self._parse, loop, raw)


class Publisher:
    def __init__(self, notifier):
        self.notifier = notifier
        self.pending = set()

    def _notify(self, headline):
        task = asyncio.ensure_future(self.notifier.send(headline))
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def publish(self, headline):
        asyncio.get_running_loop().call_soon(self._notify, headline)
        await asyncio.sleep(0.01)
