import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_every_path_closes():
    server = await asyncio.start_server(tcpcheck.greet, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        assert await tcpcheck.banner("127.0.0.1", port) == "220 ready"
        assert await tcpcheck.banner_or_raise("127.0.0.1", port) == "220 ready"
        reader, writer = await tcpcheck.connect("127.0.0.1", port)
        assert (await reader.readline()).startswith(b"220")
        writer.close()
        await writer.wait_closed()
