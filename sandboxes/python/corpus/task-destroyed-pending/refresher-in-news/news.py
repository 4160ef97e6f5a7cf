import asyncio


class Feed:
    def __init__(self):
        self.items = []

    async def _refresh_forever(self):
        while True:
            await asyncio.sleep(0.02)
            self.items.append("tick")

    async def start(self):
        refresher = asyncio.create_task(self._refresh_forever())  # expect: task-destroyed-pending
        await asyncio.sleep(0.03)
        return self
