import socket

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_check_closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert await tcpcheck.check("127.0.0.1", port) is False
