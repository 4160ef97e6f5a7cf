import asyncio


async def slow_source():
    await asyncio.sleep(1)
    return "late"


async def fetch_or_default(timeout):
    try:
        async with asyncio.timeout(timeout):
            return await slow_source()
    except TimeoutError:
        return "default"


async def fetch_with_wait_for(timeout):
    try:
        return await asyncio.wait_for(slow_source(), timeout)
    except TimeoutError:
        return "default"
