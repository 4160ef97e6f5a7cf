import asyncio


async def fetch_json(url):
    await asyncio.sleep(1)
    return {"url": url}


def warm_cache(urls):
    for url in urls:
        fetch_json(url)  # expect: asyncmock-not-awaited


async def headlines(urls):
    warm_cache(urls)
    return len(urls)
