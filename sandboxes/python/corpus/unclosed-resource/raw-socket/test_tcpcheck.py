import socket

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_closed_port_is_reported():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert await tcpcheck.is_open("127.0.0.1", port) is False
