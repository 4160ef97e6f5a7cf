import pytest

from news import Cache


@pytest.mark.asyncio
async def test_cache_fills_on_miss():
    assert await Cache().get("bbc") == "bbc headline"
