import asyncio
import time


async def fetch(source):
    time.sleep(0.3)  # expect: blocking-call
    return f"{source} headline"


async def fetch_all(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
