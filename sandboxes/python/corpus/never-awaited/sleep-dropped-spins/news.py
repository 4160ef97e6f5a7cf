import asyncio


class Feed:
    def __init__(self):
        self.ready = False
        self.items = []

    async def load(self):
        await asyncio.sleep(0.01)
        self.items = ["a", "b"]
        self.ready = True


async def wait_until_ready(feed):
    while not feed.ready:
        asyncio.sleep(0.01)  # expect: never-awaited
    return feed.items


async def load_and_read():
    feed = Feed()
    loader = asyncio.create_task(feed.load())
    items = await wait_until_ready(feed)
    await loader
    return items
