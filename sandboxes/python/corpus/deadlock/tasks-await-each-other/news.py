import asyncio

tasks = {}


async def fetch_article(name):
    await asyncio.sleep(0)
    return await tasks["comments"]  # expect: deadlock


async def fetch_comments(name):
    await asyncio.sleep(0)
    return await tasks["article"]  # expect: deadlock


async def fetch_page(name):
    tasks["article"] = asyncio.create_task(fetch_article(name))
    tasks["comments"] = asyncio.create_task(fetch_comments(name))
    return await asyncio.gather(tasks["article"], tasks["comments"])
