"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_pool.py, which only the sandbox's supervisor reads."""
import asyncio

import pytest

import news
from asynclab_harness import grade


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


def _sources(given):
    return [FakeSource(name, titles, down=down, delay=delay) for name, titles, down, delay in given["sources"]]


def _result(result):
    headlines, failed = result
    return {"headlines": [[name, titles] for name, titles in headlines.items()], "failed": list(failed)}


@pytest.mark.asyncio
async def test_no_more_workers_than_asked_for():
    given = grade.begin()
    FakeSource.active = FakeSource.peak = 0
    await news.fetch_all(_sources(given), workers=given["workers"])
    grade.observe(peak=FakeSource.peak)


@pytest.mark.asyncio
async def test_results_keep_the_order_given():
    given = grade.begin()
    grade.observe(**_result(await news.fetch_all(_sources(given))))


@pytest.mark.asyncio
async def test_every_source_down():
    given = grade.begin()
    grade.observe(**_result(await news.fetch_all(_sources(given))))


@pytest.mark.asyncio
async def test_down_sources_in_the_order_given():
    given = grade.begin()
    grade.observe(**_result(await news.fetch_all(_sources(given), workers=3)))


@pytest.mark.asyncio
async def test_no_sources():
    grade.begin()
    grade.observe(**_result(await news.fetch_all([])))


@pytest.mark.asyncio
async def test_no_worker_outlives_the_call():
    given = grade.begin()
    await news.fetch_all(_sources(given))
    grade.observe(other_tasks=len(asyncio.all_tasks() - {asyncio.current_task()}))
