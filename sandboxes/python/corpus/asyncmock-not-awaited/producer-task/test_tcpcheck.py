from unittest.mock import AsyncMock

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_every_target_is_consumed():
    notifier = AsyncMock()
    assert await tcpcheck.run([("127.0.0.1", 1)], notifier) == [("127.0.0.1", 1)]
