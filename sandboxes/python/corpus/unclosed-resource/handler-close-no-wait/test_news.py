import asyncio

import pytest

from news import HeadlineServer


@pytest.mark.asyncio
async def test_client_reads_every_headline():
    feed = HeadlineServer([b"one", b"two"])
    server = await feed.start()
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = (await reader.read()).splitlines()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    assert lines == [b"one", b"two"]
