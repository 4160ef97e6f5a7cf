import asyncio


async def consumer(queue, seen):
    while True:
        try:
            item = await queue.get()
        except asyncio.CancelledError:  # expect: cancellation-swallowed
            continue
        seen.append(item)


async def drain(items):
    queue, seen = asyncio.Queue(), []
    task = asyncio.create_task(consumer(queue, seen))
    for item in items:
        await queue.put(item)
    await asyncio.sleep(0.01)
    task.cancel()
    await task
    return seen
