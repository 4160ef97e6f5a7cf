import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_roundtrip():
    server = await asyncio.start_server(tcpcheck.echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        assert await tcpcheck.roundtrip(port, b"ping") == b"ping"
        assert await tcpcheck.roundtrip(port, b"pong") == b"pong"
