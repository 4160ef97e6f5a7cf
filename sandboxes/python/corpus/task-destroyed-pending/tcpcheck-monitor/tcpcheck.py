import asyncio


class Monitor:
    def __init__(self, targets):
        self.targets = targets
        self.status = {}

    async def _watch(self):
        while True:
            for target in self.targets:
                self.status[target] = "unknown"
            await asyncio.sleep(0.02)

    def start(self):
        self._task = asyncio.create_task(self._watch())  # expect: task-destroyed-pending
        return self

    def stop(self):
        self._task.cancel()
