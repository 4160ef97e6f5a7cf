import asyncio


class Fetcher:
    def __init__(self):
        self.done = False
        self.result = None

    async def fetch(self):
        await asyncio.sleep(0.01)
        self.result = "headline"
        self.done = True

    async def wait(self):
        while not self.done: pass  # expect: timeout
        return self.result


async def fetch_and_wait():
    fetcher = Fetcher()
    task = asyncio.create_task(fetcher.fetch())
    result = await fetcher.wait()
    await task
    return result
