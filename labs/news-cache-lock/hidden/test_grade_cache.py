"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_cache.py, which only the sandbox's supervisor reads."""
import asyncio

import pytest

import news
from asynclab_harness import grade


class CountingSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay, self.fetches = name, titles, delay, 0

    async def fetch(self):
        self.fetches += 1
        await asyncio.sleep(self.delay)
        return list(self.titles)


@pytest.mark.asyncio
async def test_concurrent_gets_fetch_once():
    given = grade.begin()
    cache, source = news.HeadlineCache(), CountingSource(given["name"], given["titles"], delay=0.03)
    results = await asyncio.gather(*(cache.get(source) for _ in range(given["readers"])))
    grade.observe(results=results, fetches=source.fetches)


@pytest.mark.asyncio
async def test_expired_entries_are_fetched_again():
    given = grade.begin()
    cache, source = news.HeadlineCache(ttl=0.02), CountingSource(given["name"], given["titles"])
    await cache.get(source)
    await asyncio.sleep(0.03)
    await cache.get(source)
    grade.observe(fetches=source.fetches)


@pytest.mark.asyncio
async def test_put_then_get_does_not_fetch():
    given = grade.begin()
    cache, source = news.HeadlineCache(), CountingSource(given["name"], given["fetched"])
    await cache.put(given["name"], given["pushed"])
    got = await cache.get(source)
    grade.observe(got=got, fetches=source.fetches)


@pytest.mark.asyncio
async def test_invalidate_forces_a_fetch():
    given = grade.begin()
    cache, source = news.HeadlineCache(), CountingSource(given["name"], given["titles"])
    await cache.get(source)
    await cache.invalidate(given["name"])
    await cache.get(source)
    grade.observe(fetches=source.fetches)


@pytest.mark.asyncio
async def test_each_source_is_cached_separately():
    given = grade.begin()
    cache = news.HeadlineCache()
    (a, a_titles), (b, b_titles) = given["sources"]
    first, second = CountingSource(a, a_titles), CountingSource(b, b_titles)
    got = [await cache.get(first), await cache.get(second), await cache.get(first)]
    grade.observe(got=got, fetches=[first.fetches, second.fetches])
