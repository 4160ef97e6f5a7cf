import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_roundtrip():
    assert await tcpcheck.roundtrip(b"ping") == b"ping"
