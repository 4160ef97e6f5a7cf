import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_concurrency_is_capped():
    async def handle(reader, writer):
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results, peak = await tcpcheck.check_all([("127.0.0.1", port)] * 6, limit=2)
    assert results == [True] * 6
    assert peak <= 2
