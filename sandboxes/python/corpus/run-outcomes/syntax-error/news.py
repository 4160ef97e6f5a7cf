# expect-run: syntax-error
import asyncio


async def fetch(source)
    await asyncio.sleep(0)
    return source
