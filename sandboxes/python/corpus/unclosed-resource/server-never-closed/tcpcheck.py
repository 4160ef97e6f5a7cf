import asyncio


async def echo(reader, writer):
    data = await reader.readline()
    writer.write(data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def start_echo_server():
    return await asyncio.start_server(echo, "127.0.0.1", 0)  # expect: unclosed-resource


async def roundtrip(message):
    server = await start_echo_server()
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(message + b"\n")
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.strip()
