import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_open_port_is_up():
    async def handle(reader, writer):
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    assert await tcpcheck.check_all([("127.0.0.1", port)]) == [True]
    server.close()
    await server.wait_closed()
