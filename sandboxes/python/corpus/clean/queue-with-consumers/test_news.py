import pytest

from news import crawl


@pytest.mark.asyncio
async def test_crawl():
    assert await crawl(["c", "a", "b", "d"]) == ["A", "B", "C", "D"]
