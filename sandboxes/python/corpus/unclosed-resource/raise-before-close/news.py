import asyncio


class FeedError(Exception):
    pass


async def fetch_feed(port):
    """Reads a feed from the local feed server: a 'FEED 1' header line, then one item per line."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)  # expect: unclosed-resource
    writer.write(b"GET\n")
    await writer.drain()
    header = await reader.readline()
    if header != b"FEED 1\n":
        raise FeedError(f"unexpected header {header!r}")
    items = (await reader.read()).decode().splitlines()
    writer.close()
    await writer.wait_closed()
    return items
