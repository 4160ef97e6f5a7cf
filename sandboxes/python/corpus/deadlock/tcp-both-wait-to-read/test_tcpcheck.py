import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_banner():
    server = await asyncio.start_server(tcpcheck.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        assert await tcpcheck.read_banner("127.0.0.1", port) == b"220 ready\n"
