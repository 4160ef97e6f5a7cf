import asyncio


async def consume(queue, n):
    got = []
    for _ in range(n):
        got.append(await queue.get())  # expect: deadlock
    return got


async def main(items):
    queue = asyncio.Queue()
    for item in items[:-1]:  # off by one: the last item is never queued
        await queue.put(item)
    return await consume(queue, len(items))


def run(items):
    return asyncio.run(main(items))
