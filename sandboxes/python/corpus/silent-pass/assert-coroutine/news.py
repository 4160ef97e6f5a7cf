import asyncio


async def is_fresh(headline):
    await asyncio.sleep(0)
    return "breaking" in headline
