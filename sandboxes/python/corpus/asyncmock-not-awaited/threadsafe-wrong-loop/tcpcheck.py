import asyncio
import socket
import threading


class BackgroundProber:
    """Probes ports with blocking sockets in a thread and reports each result to `on_result`."""

    def __init__(self, on_result):
        self.on_result = on_result
        self.probed = 0

    def _probe_all(self, targets):
        loop = asyncio.new_event_loop()  # a loop of its own, which nothing ever runs
        for host, port in targets:
            try:
                socket.create_connection((host, port), timeout=0.2).close()
                up = True
            except OSError:
                up = False
            asyncio.run_coroutine_threadsafe(self.on_result(host, port, up), loop)  # expect: asyncmock-not-awaited
            self.probed += 1
        loop.close()

    async def probe(self, targets):
        await asyncio.to_thread(self._probe_all, targets)
        return self.probed
