import asyncio


async def latest(feed):
    await asyncio.sleep(0)
    return feed[-1]
