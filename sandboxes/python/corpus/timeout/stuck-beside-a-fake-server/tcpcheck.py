import asyncio


async def read_banner(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        return await reader.readline()  # expect: timeout
    finally:
        writer.close()
        await writer.wait_closed()
