import asyncio


async def banner(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        line = await reader.readline()
        if not line.startswith(b"220"):
            return None
        return line.decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()


async def banner_or_raise(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    line = await reader.readline()
    if not line.startswith(b"220"):
        writer.close()
        await writer.wait_closed()
        raise ValueError(line)
    writer.close()
    await writer.wait_closed()
    return line.decode().strip()


async def connect(host, port):
    """Hands the open stream to the caller, who closes it."""
    reader, writer = await asyncio.open_connection(host, port)
    if writer.is_closing():
        return None
    return reader, writer


async def greet(reader, writer):
    writer.write(b"220 ready\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()
