from unittest.mock import AsyncMock

import pytest

from news import refresh


@pytest.mark.asyncio
async def test_refresh_invalidates():
    cache = AsyncMock()
    await refresh(cache, "bbc")
    cache.invalidate.assert_called_once_with("bbc")  # expect: asyncmock-not-awaited
