import asyncio
import time


def rank(headlines):
    deadline = time.perf_counter() + 0.3
    while time.perf_counter() < deadline: pass  # expect: blocking-call
    return sorted(headlines)


async def ranked(headlines):
    await asyncio.sleep(0)
    return rank(headlines)
