import asyncio


async def banner(host, port):
    """The service's greeting line, or None when it does not greet like an SMTP server."""
    reader, writer = await asyncio.open_connection(host, port)  # expect: unclosed-resource
    line = await reader.readline()
    if not line.startswith(b"220"):
        return None
    writer.close()
    await writer.wait_closed()
    return line.decode().strip()
