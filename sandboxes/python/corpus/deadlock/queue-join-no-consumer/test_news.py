import pytest

from news import crawl


@pytest.mark.asyncio
async def test_crawl_visits_every_url():
    assert sorted(await crawl(["a", "b"])) == ["A", "B"]
