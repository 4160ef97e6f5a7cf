import asyncio


class Sweep:
    started = []  # every check this process started (shared by all sweeps)

    def __init__(self, targets):
        self.targets = targets

    async def _check(self, host, port):
        reader, writer = await asyncio.open_connection(host, port)
        writer.close()
        await writer.wait_closed()

    async def start(self):
        for host, port in self.targets:
            Sweep.started.append(asyncio.ensure_future(self._check(host, port)))  # expect: task-exception-unretrieved
        await asyncio.sleep(0.05)
        return len(self.targets)
