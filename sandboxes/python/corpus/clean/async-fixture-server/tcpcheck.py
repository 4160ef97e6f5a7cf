import asyncio


async def banner(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        return (await reader.readline()).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()


async def lines(reader):
    while line := await reader.readline():
        yield line.decode().strip()
