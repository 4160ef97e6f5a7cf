import asyncio

_loop = None


def get_loop():
    global _loop
    if _loop is None:
        _loop = asyncio.new_event_loop()
    return _loop


async def fetch(source):
    await asyncio.sleep(0)
    return f"{source} headline"


def headline(source):
    return get_loop().run_until_complete(fetch(source))  # expect: wrong-loop test=test_headline_after_shutdown


def shutdown():
    get_loop().close()
