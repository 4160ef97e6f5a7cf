import pytest

from news import is_fresh


@pytest.mark.asyncio
async def test_breaking_news_is_fresh():
    assert is_fresh("old news")  # expect: silent-pass
