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


class FakeAudit:
    def __init__(self, refuse=()):
        self.refuse, self.records = set(refuse), []

    async def record(self, source_name, count):
        await asyncio.sleep(0)
        if source_name in self.refuse:
            raise news.AuditError(source_name)
        self.records.append((source_name, count))


@pytest.mark.asyncio
async def test_one_refused_record_among_many_fails_the_fetch():
    sources = [FakeSource(name, ["x"]) for name in ("wire", "blog", "radio")]
    with pytest.raises(news.AuditError):
        await news.fetch_all(sources, FakeAudit(refuse={"blog"}))


@pytest.mark.asyncio
async def test_every_refused_record_fails_the_fetch():
    sources = [FakeSource(name, ["x"]) for name in ("wire", "blog")]
    with pytest.raises(news.AuditError):
        await news.fetch_all(sources, FakeAudit(refuse={"wire", "blog"}))


@pytest.mark.asyncio
async def test_results_in_the_order_given():
    sources = [FakeSource(f"s{i}", [f"t{i}"], delay=0.04 - i * 0.01) for i in range(4)]
    result = await news.fetch_all(sources, FakeAudit())
    assert list(result.items()) == [(f"s{i}", [f"t{i}"]) for i in range(4)]


@pytest.mark.asyncio
async def test_records_are_written_before_fetch_all_returns():
    audit = FakeAudit()
    await news.fetch_all([FakeSource("wire", ["a", "b", "c"])], audit)
    assert audit.records == [("wire", 3)]


@pytest.mark.asyncio
async def test_sources_are_still_fetched_concurrently():
    sources = [FakeSource(f"s{i}", ["t"], delay=0.05) for i in range(4)]
    started = time.perf_counter()
    await news.fetch_all(sources, FakeAudit())
    assert time.perf_counter() - started < 0.15
