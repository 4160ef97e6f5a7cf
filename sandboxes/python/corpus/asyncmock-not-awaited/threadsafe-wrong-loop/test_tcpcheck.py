import socket
from unittest.mock import AsyncMock

import pytest

from tcpcheck import BackgroundProber


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.asyncio
async def test_every_target_is_probed():
    report = AsyncMock()
    assert await BackgroundProber(report).probe([("127.0.0.1", closed_port())]) == 1
    assert report.call_count == 1
