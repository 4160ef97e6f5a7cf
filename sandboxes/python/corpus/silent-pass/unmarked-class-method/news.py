import asyncio


class Feed:
    def __init__(self, items):
        self.items = items

    async def latest(self):
        await asyncio.sleep(0)
        return self.items[-1]
