import asyncio
import time


def parse(raw):
    time.sleep(0.2)  # slow, but it runs in a worker thread
    return raw.upper()


async def parse_in_executor(raw):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, parse, raw)


async def parse_in_thread(raw):
    return await asyncio.to_thread(parse, raw)
