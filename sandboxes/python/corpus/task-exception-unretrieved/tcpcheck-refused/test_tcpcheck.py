import socket

import pytest

import tcpcheck


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.asyncio
async def test_starts_one_check_per_target():
    assert await tcpcheck.start_checks([("127.0.0.1", closed_port())]) == 1
