import asyncio


async def fetch(url):
    await asyncio.sleep(0)
    return f"<html>{url}</html>"
