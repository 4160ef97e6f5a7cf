# expect-run: import-error
import asyncio

import aiohttp  # not available in the sandbox


async def fetch(url):
    async with aiohttp.ClientSession() as session:
        return await session.get(url)
