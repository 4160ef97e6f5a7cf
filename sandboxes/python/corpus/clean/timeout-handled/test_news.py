import pytest

import news


@pytest.mark.asyncio
async def test_timeout_gives_default():
    assert await news.fetch_or_default(0.02) == "default"


@pytest.mark.asyncio
async def test_wait_for_gives_default():
    assert await news.fetch_with_wait_for(0.02) == "default"
