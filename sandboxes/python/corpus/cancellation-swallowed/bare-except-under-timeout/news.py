import asyncio


async def fetch_with_retries(source):
    while True:
        try:
            await asyncio.sleep(0.05)
            raise ConnectionError(source)
        except:  # expect: cancellation-swallowed
            continue


async def fetch_or_give_up(source):
    try:
        async with asyncio.timeout(0.1):
            return await fetch_with_retries(source)
    except TimeoutError:
        return None
