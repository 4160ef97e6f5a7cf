"""Hidden checks' drivers: they exercise news.py with this run's inputs and report what they saw.
The expected values live in judge_refresh.py, which only the sandbox's supervisor reads."""
import asyncio

import pytest

import news
from asynclab_harness import grade


class FakeSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay = name, titles, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return list(self.titles)


@pytest.mark.asyncio
async def test_one_write_per_refresh():
    given = grade.begin()
    cache = news.Cache()
    for batch in given["refreshes"]:
        await news.refresh([FakeSource(name, titles) for name, titles in batch], cache)
    grade.observe(writes=cache.writes, saved=cache.saved)


@pytest.mark.asyncio
async def test_saved_before_refresh_returns():
    given = grade.begin()
    cache = news.Cache()
    headlines = await news.refresh([FakeSource(given["source"], given["titles"])], cache)
    grade.observe(returned=[h.title for h in headlines], saved=cache.saved.get(given["source"]))


@pytest.mark.asyncio
async def test_sources_are_fetched_concurrently():
    given = grade.begin()
    sources = [FakeSource(name, [title], delay=given["delay"]) for name, title in given["sources"]]
    headlines = await news.refresh(sources, news.Cache())
    grade.observe(order=[[h.source, h.title] for h in headlines])


@pytest.mark.asyncio
async def test_empty_refresh_still_writes():
    grade.begin()
    cache = news.Cache()
    returned = await news.refresh([], cache)
    grade.observe(returned=list(returned), writes=cache.writes)
