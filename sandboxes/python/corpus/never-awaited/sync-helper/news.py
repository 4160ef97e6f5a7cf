import asyncio

seen = []


async def mark_seen(url):
    await asyncio.sleep(0)
    seen.append(url)


def remember_all(urls):
    # A plain function cannot await, so the coroutines are made and dropped here.
    for url in urls:
        mark_seen(url)  # expect: never-awaited


async def fetch_headlines(urls):
    remember_all(urls)
    await asyncio.sleep(0.01)
    return [u.upper() for u in urls]
