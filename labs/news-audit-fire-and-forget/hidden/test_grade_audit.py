"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_audit.py, which only the sandbox's supervisor reads."""
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


class FakeAudit:
    def __init__(self, refuse=()):
        self.refuse, self.records = set(refuse), []

    async def record(self, source_name, count):
        await asyncio.sleep(0)
        if source_name in self.refuse:
            raise news.AuditError(source_name)
        self.records.append([source_name, count])


async def _raised(awaitable):
    try:
        await awaitable
    except Exception as error:  # noqa: BLE001 (what came out is the observation)
        return type(error).__name__
    return None


@pytest.mark.asyncio
async def test_one_refused_record_among_many_fails_the_fetch():
    given = grade.begin()
    sources = [FakeSource(name, ["x"]) for name in given["names"]]
    grade.observe(raised=await _raised(news.fetch_all(sources, FakeAudit(refuse=given["refuse"]))))


@pytest.mark.asyncio
async def test_every_refused_record_fails_the_fetch():
    given = grade.begin()
    sources = [FakeSource(name, ["x"]) for name in given["names"]]
    grade.observe(raised=await _raised(news.fetch_all(sources, FakeAudit(refuse=given["refuse"]))))


@pytest.mark.asyncio
async def test_results_in_the_order_given():
    given = grade.begin()
    sources = [FakeSource(name, [title], delay=delay) for name, title, delay in given["sources"]]
    result = await news.fetch_all(sources, FakeAudit())
    grade.observe(items=[[name, titles] for name, titles in result.items()])


@pytest.mark.asyncio
async def test_records_are_written_before_fetch_all_returns():
    given = grade.begin()
    audit = FakeAudit()
    await news.fetch_all([FakeSource(given["name"], given["titles"])], audit)
    grade.observe(records=list(audit.records))


@pytest.mark.asyncio
async def test_sources_are_still_fetched_concurrently():
    given = grade.begin()
    sources = [FakeSource(name, ["t"], delay=0.05) for name in given["names"]]
    await news.fetch_all(sources, FakeAudit())
    grade.observe(done=True)
