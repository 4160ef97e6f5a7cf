import asyncio

SOURCES = {"bbc": 0.02, "npr": 0.01, "ap": 0.03}


async def fetch(source):
    await asyncio.sleep(SOURCES[source])
    return f"{source} headline"


async def fetch_all(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
