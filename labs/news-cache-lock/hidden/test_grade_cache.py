import asyncio

import pytest

import news


class CountingSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay, self.fetches = name, titles, delay, 0

    async def fetch(self):
        self.fetches += 1
        await asyncio.sleep(self.delay)
        return list(self.titles)


@pytest.mark.asyncio
async def test_concurrent_gets_fetch_once():
    cache, source = news.HeadlineCache(), CountingSource("wire", ["a"], delay=0.03)
    results = await asyncio.gather(*(cache.get(source) for _ in range(5)))
    assert results == [["a"]] * 5
    assert source.fetches == 1


@pytest.mark.asyncio
async def test_expired_entries_are_fetched_again():
    cache, source = news.HeadlineCache(ttl=0.02), CountingSource("wire", ["a"])
    await cache.get(source)
    await asyncio.sleep(0.03)
    await cache.get(source)
    assert source.fetches == 2


@pytest.mark.asyncio
async def test_put_then_get_does_not_fetch():
    cache, source = news.HeadlineCache(), CountingSource("wire", ["fetched"])
    await cache.put("wire", ["pushed"])
    assert await cache.get(source) == ["pushed"]
    assert source.fetches == 0


@pytest.mark.asyncio
async def test_invalidate_forces_a_fetch():
    cache, source = news.HeadlineCache(), CountingSource("wire", ["a"])
    await cache.get(source)
    await cache.invalidate("wire")
    await cache.get(source)
    assert source.fetches == 2


@pytest.mark.asyncio
async def test_each_source_is_cached_separately():
    cache = news.HeadlineCache()
    wire, blog = CountingSource("wire", ["w"]), CountingSource("blog", ["b"])
    assert await cache.get(wire) == ["w"]
    assert await cache.get(blog) == ["b"]
    assert await cache.get(wire) == ["w"]
    assert (wire.fetches, blog.fetches) == (1, 1)
