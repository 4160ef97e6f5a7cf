import asyncio


async def fetch_json(url):
    await asyncio.sleep(1)
    return {}


async def top_story(source):
    data = await fetch_json(f"https://{source}.test/top.json")
    return data["stories"][0]
