import asyncio


async def send_line(port, line):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(line + b"\n")
    await writer.drain()
    reply = await reader.readline()
    writer.close()  # expect: unclosed-resource
    return reply.strip()
