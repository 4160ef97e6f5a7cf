import asyncio


async def fetch(source):
    await asyncio.sleep(0.01)
    if source == "broken":
        raise ConnectionError(source)
    return f"{source} headline"


async def fetch_all(sources):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(s)) for s in sources]
    return [t.result() for t in tasks]
