import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_handshake_times_out():
    assert await tcpcheck.handshake(0.01) in ("timed out", "partial")
