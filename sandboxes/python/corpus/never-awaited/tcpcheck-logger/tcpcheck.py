import asyncio

results = []


async def log_result(host, port, ok):
    await asyncio.sleep(0)
    results.append((host, port, ok))


async def check(host, port, timeout=1.0):
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        ok = False
    else:
        writer.close()
        await writer.wait_closed()
        ok = True
    log_result(host, port, ok)  # expect: never-awaited
    return ok


async def check_all(targets):
    return await asyncio.gather(*(check(h, p) for h, p in targets))
