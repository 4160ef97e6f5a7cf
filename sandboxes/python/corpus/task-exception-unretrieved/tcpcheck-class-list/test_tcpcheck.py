import socket

import pytest

from tcpcheck import Sweep


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.asyncio
async def test_sweep_starts_every_check():
    assert await Sweep([("127.0.0.1", closed_port())]).start() == 1
