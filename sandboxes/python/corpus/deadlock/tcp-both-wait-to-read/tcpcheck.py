import asyncio


async def handle(reader, writer):
    # The server waits for the client to speak first ...
    await reader.readline()  # expect: deadlock
    writer.write(b"220 ready\n")
    await writer.drain()
    writer.close()


async def read_banner(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    # ... and the client waits for the server's banner first.
    banner = await reader.readline()  # expect: deadlock
    writer.close()
    await writer.wait_closed()
    return banner
