import asyncio


class Feed:
    def __init__(self):
        self.ready = asyncio.Event()
        self.items = []

    async def load(self, items):
        await asyncio.sleep(0)
        self.items.extend(items)
        if len(self.items) > 10:  # bug: should be `if self.items`
            self.ready.set()

    async def first(self):
        await self.ready.wait()  # expect: deadlock
        return self.items[0]


async def first_headline(items):
    feed = Feed()
    loader = asyncio.create_task(feed.load(items))
    headline = await feed.first()
    await loader
    return headline
