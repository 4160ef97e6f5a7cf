import asyncio


async def fetch(source):
    await asyncio.sleep(0.05)
    return f"{source}: headline"


async def fetch_all(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
