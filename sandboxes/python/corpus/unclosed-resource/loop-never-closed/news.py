import asyncio


async def fetch(source):
    await asyncio.sleep(0)
    return f"{source} headline"


def headlines(sources):
    loop = asyncio.new_event_loop()  # expect: unclosed-resource
    return [loop.run_until_complete(fetch(s)) for s in sources]
