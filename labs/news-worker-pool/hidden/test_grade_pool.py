import asyncio

import pytest

import news


class FakeSource:
    active = peak = 0

    def __init__(self, name, titles=(), down=False, delay=0.01):
        self.name, self.titles, self.down, self.delay = name, list(titles), down, delay

    async def fetch(self):
        FakeSource.active += 1
        FakeSource.peak = max(FakeSource.peak, FakeSource.active)
        try:
            await asyncio.sleep(self.delay)
        finally:
            FakeSource.active -= 1
        if self.down:
            raise news.SourceError(self.name)
        return list(self.titles)


@pytest.mark.asyncio
async def test_no_more_workers_than_asked_for():
    FakeSource.active = FakeSource.peak = 0
    await news.fetch_all([FakeSource(f"s{i}", ["t"]) for i in range(8)], workers=2)
    assert FakeSource.peak == 2


@pytest.mark.asyncio
async def test_results_keep_the_order_given():
    sources = [FakeSource(f"s{i}", [f"t{i}"], delay=0.05 - i * 0.01) for i in range(5)]
    headlines, _ = await news.fetch_all(sources)
    assert list(headlines) == [f"s{i}" for i in range(5)]


@pytest.mark.asyncio
async def test_every_source_down():
    sources = [FakeSource(f"s{i}", down=True) for i in range(4)]
    assert await news.fetch_all(sources) == ({}, ["s0", "s1", "s2", "s3"])


@pytest.mark.asyncio
async def test_down_sources_in_the_order_given():
    sources = [FakeSource("a", down=True, delay=0.03), FakeSource("b", ["b"]), FakeSource("c", down=True)]
    assert await news.fetch_all(sources, workers=3) == ({"b": ["b"]}, ["a", "c"])


@pytest.mark.asyncio
async def test_no_sources():
    assert await news.fetch_all([]) == ({}, [])


@pytest.mark.asyncio
async def test_no_worker_outlives_the_call():
    await news.fetch_all([FakeSource("a", ["a"]), FakeSource("b", down=True)])
    assert asyncio.all_tasks() == {asyncio.current_task()}
