import asyncio

SOURCES = {"bbc": "BBC headline", "npr": "NPR headline", "ap": "AP headline"}


async def fetch(source):
    await asyncio.sleep(0.01)
    return SOURCES[source]


async def fetch_all(sources):
    headlines = []
    for source in sources:
        fetch(source)  # expect: never-awaited
        headlines.append(source)
    return headlines
