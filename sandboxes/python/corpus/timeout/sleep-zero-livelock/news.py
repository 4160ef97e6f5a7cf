import asyncio


class Pipeline:
    def __init__(self):
        self.items = []

    async def produce(self, n):
        for i in range(n):
            self.items.append(i)
            await asyncio.sleep(0)

    async def wait_for(self, n):
        while len(self.items) < n: await asyncio.sleep(0)  # expect: timeout
        return self.items[:n]


async def run(n):
    pipeline = Pipeline()
    producer = asyncio.create_task(pipeline.produce(n - 1))  # off by one: never reaches n
    items = await pipeline.wait_for(n)
    await producer
    return items
