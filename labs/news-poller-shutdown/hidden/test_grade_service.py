import asyncio
import time

import pytest

import news


class FakeSource:
    def __init__(self, name, delay=0.0, fail=()):
        self.name, self.delay, self.fail, self.calls = name, delay, list(fail), 0
        self.fetching = asyncio.Event()

    async def fetch(self):
        self.calls += 1
        self.fetching.set()
        await asyncio.sleep(self.delay)
        if self.fail:
            raise self.fail.pop(0)
        return [f"{self.name} #{self.calls}"]


@pytest.mark.asyncio
async def test_a_flaky_source_keeps_its_poller():
    source = FakeSource("flaky", fail=[ConnectionError("reset"), ValueError("bad json")])
    service = news.NewsService([source], interval=0.01)
    service.start()
    await asyncio.sleep(0.06)
    await service.shutdown()
    poller = service.pollers[0]
    assert poller.errors == 2
    assert poller.polls >= 1
    assert service.headlines()["flaky"] == [f"flaky #{source.calls}"]


@pytest.mark.asyncio
async def test_shutdown_is_prompt_with_fetches_in_flight():
    sources = [FakeSource(f"s{i}", delay=10) for i in range(3)]
    service = news.NewsService(sources, interval=0.01)
    service.start()
    await asyncio.gather(*(s.fetching.wait() for s in sources))
    started = time.perf_counter()
    await service.shutdown()
    assert time.perf_counter() - started < 0.2
    assert asyncio.all_tasks() == {asyncio.current_task()}


@pytest.mark.asyncio
async def test_shutdown_with_some_pollers_sleeping_and_some_fetching():
    fast, slow = FakeSource("fast"), FakeSource("slow", delay=10)
    service = news.NewsService([fast, slow], interval=60)
    service.start()
    await slow.fetching.wait()
    await asyncio.sleep(0.01)
    await service.shutdown()
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert service.headlines() == {"fast": ["fast #1"], "slow": []}


@pytest.mark.asyncio
async def test_shutdown_with_nothing_started():
    service = news.NewsService([FakeSource("wire")])
    await service.shutdown()
