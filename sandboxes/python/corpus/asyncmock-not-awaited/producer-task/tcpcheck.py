import asyncio


async def producer(queue, targets, notifier):
    for target in targets:
        await queue.put(target)
        notifier.started(target)  # expect: asyncmock-not-awaited
    await queue.put(None)


async def consumer(queue, results):
    while (target := await queue.get()) is not None:
        results.append(target)


async def run(targets, notifier):
    queue, results = asyncio.Queue(), []
    await asyncio.gather(producer(queue, targets, notifier), consumer(queue, results))
    return results
