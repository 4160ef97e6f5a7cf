import asyncio

cache = {}


async def refresh(source):
    await asyncio.sleep(0)
    raise ConnectionError(f"{source} is down")


async def headline(source):
    asyncio.create_task(refresh(source))  # expect: task-exception-unretrieved
    return cache.get(source, "no news")
