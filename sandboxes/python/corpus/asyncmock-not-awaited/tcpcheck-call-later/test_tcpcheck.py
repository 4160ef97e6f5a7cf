import socket
from unittest.mock import AsyncMock

import pytest

import tcpcheck


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.asyncio
async def test_down_port_raises_alert():
    alert = AsyncMock(name="pager")
    port = closed_port()
    await tcpcheck.watch("127.0.0.1", port, alert)
    assert alert.call_args.args == ("127.0.0.1", port)
