import asyncio


async def save(item):
    await asyncio.sleep(0)
    if not item:
        raise ValueError("empty item")


async def save_all(items):
    for item in items:
        asyncio.ensure_future(save(item))  # expect: task-exception-unretrieved
    await asyncio.sleep(0.01)
