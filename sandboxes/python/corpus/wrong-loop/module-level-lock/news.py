import asyncio

rate_limit = asyncio.Lock()  # expect: wrong-loop test=test_second_fetch


async def fetch(source):
    async with rate_limit:
        await asyncio.sleep(0.01)
        return f"{source} headline"


async def fetch_many(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
