import asyncio


async def fetch(source):
    await asyncio.sleep(0)
    return f"{source} headline"


def fetch_blocking(source):
    # Written for the synchronous CLI; now called from async code.
    return asyncio.run(fetch(source))  # expect: wrong-loop


async def front_page(sources):
    return [fetch_blocking(s) for s in sources]
