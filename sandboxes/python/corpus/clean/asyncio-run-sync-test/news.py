import asyncio


async def fetch(source):
    await asyncio.sleep(0.01)
    return f"{source} headline"


async def main(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))


def cli(sources):
    return asyncio.run(main(sources))
