import asyncio


async def is_open(host, port):
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


async def watch(host, port, alert, grace=0.01):
    """Checks once; when the port is down, raises the alert after a grace period."""
    if not await is_open(host, port):
        asyncio.get_running_loop().call_later(grace, alert, host, port)  # expect: asyncmock-not-awaited
    await asyncio.sleep(grace * 3)
