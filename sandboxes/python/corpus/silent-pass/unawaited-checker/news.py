import asyncio


async def fetch_all(sources):
    await asyncio.sleep(0)
    return {s: f"{s} headline" for s in sources}
