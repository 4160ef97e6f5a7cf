import asyncio


async def echo(reader, writer):
    data = await reader.readline()
    writer.write(data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def roundtrip(port, message):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(message + b"\n")
    await writer.drain()
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.strip()
