import asyncio

import pytest

import news


class CountingSource:
    def __init__(self, name, titles):
        self.name, self.titles, self.fetches = name, titles, 0

    async def fetch(self):
        self.fetches += 1
        await asyncio.sleep(0.01)
        return list(self.titles)


@pytest.mark.asyncio
async def test_first_get_fetches():
    source = CountingSource("wire", ["a", "b"])
    assert await news.HeadlineCache().get(source) == ["a", "b"]
    assert source.fetches == 1


@pytest.mark.asyncio
async def test_second_get_is_served_from_the_cache():
    cache, source = news.HeadlineCache(), CountingSource("wire", ["a"])
    await cache.get(source)
    assert await cache.get(source) == ["a"]
    assert source.fetches == 1
