import asyncio


async def check(host, port):
    try:
        reader, writer = await asyncio.open_connection(host, port)  # expect: unclosed-resource
    except OSError:
        return False
    return True  # connected: but the connection is never closed


async def check_all(targets):
    return await asyncio.gather(*(check(h, p) for h, p in targets))
