import asyncio

import pytest
import pytest_asyncio

import tcpcheck


@pytest_asyncio.fixture
async def smtp_like_server():
    async def handle(reader, writer):
        writer.write(b"220 ready\nline two\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


@pytest.mark.asyncio
async def test_banner(smtp_like_server):
    assert await tcpcheck.banner("127.0.0.1", smtp_like_server) == "220 ready"


@pytest.mark.asyncio
async def test_async_generator_reads_every_line(smtp_like_server):
    reader, writer = await asyncio.open_connection("127.0.0.1", smtp_like_server)
    got = [line async for line in tcpcheck.lines(reader)]
    writer.close()
    await writer.wait_closed()
    assert got == ["220 ready", "line two"]
