import asyncio
import time

import pytest

import news


class FakeSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay = name, titles, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return list(self.titles)


@pytest.mark.asyncio
async def test_one_write_per_refresh():
    cache = news.Cache()
    await news.refresh([FakeSource("wire", ["a"]), FakeSource("blog", ["b"])], cache)
    await news.refresh([FakeSource("wire", ["c"])], cache)
    assert cache.writes == 2
    assert cache.saved == {"wire": ["a", "c"], "blog": ["b"]}


@pytest.mark.asyncio
async def test_saved_before_refresh_returns():
    cache = news.Cache()
    headlines = await news.refresh([FakeSource("wire", ["a", "b", "c"])], cache)
    assert [h.title for h in headlines] == cache.saved["wire"]


@pytest.mark.asyncio
async def test_sources_are_fetched_concurrently():
    sources = [FakeSource(f"s{i}", [f"t{i}"], delay=0.05) for i in range(5)]
    started = time.perf_counter()
    headlines = await news.refresh(sources, news.Cache())
    assert time.perf_counter() - started < 0.2
    assert [h.source for h in headlines] == [f"s{i}" for i in range(5)]


@pytest.mark.asyncio
async def test_empty_refresh_still_writes():
    cache = news.Cache()
    assert await news.refresh([], cache) == []
    assert cache.writes == 1
