# A lab's own test with a fake "tarpit" server: its handler task also hangs when the test times
# out, but it is the scene, not the bug; only the learner's line is reported.
import asyncio

import pytest

import tcpcheck


async def tarpit(reader, writer):
    await asyncio.sleep(3600)


@pytest.mark.asyncio
async def test_banner_of_a_tarpit():
    server = await asyncio.start_server(tarpit, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        assert await tcpcheck.read_banner("127.0.0.1", port) == b""
