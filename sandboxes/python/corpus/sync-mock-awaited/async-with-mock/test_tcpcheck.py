from unittest.mock import Mock

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_banner_is_read():
    pool = Mock()  # expect: sync-mock-awaited
    assert await tcpcheck.banners(pool, [("127.0.0.1", 25)]) == ["220 ok"]
