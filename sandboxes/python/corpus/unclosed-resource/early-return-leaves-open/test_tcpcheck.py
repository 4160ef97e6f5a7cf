import asyncio

import pytest

import tcpcheck


def greeter(greeting):
    async def handle(reader, writer):
        writer.write(greeting)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    return handle


@pytest.mark.asyncio
async def test_smtp_banner():
    server = await asyncio.start_server(greeter(b"220 mail ready\n"), "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        assert await tcpcheck.banner("127.0.0.1", port) == "220 mail ready"


@pytest.mark.asyncio
async def test_not_smtp():
    server = await asyncio.start_server(greeter(b"SSH-2.0\n"), "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        assert await tcpcheck.banner("127.0.0.1", port) is None
