"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_service.py, which only the sandbox's supervisor reads."""
import asyncio
import time

import pytest

import news
from asynclab_harness import grade


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


def _others():
    return len(asyncio.all_tasks() - {asyncio.current_task()})


@pytest.mark.asyncio
async def test_a_flaky_source_keeps_its_poller():
    given = grade.begin()
    source = FakeSource(given["name"], fail=[ConnectionError("reset"), ValueError("bad json")])
    service = news.NewsService([source], interval=0.01)
    service.start()
    await asyncio.sleep(0.15)  # two failures and at least one success at a 10 ms interval, with room
    await service.shutdown()
    poller = service.pollers[0]
    grade.observe(errors=poller.errors, polls=poller.polls, calls=source.calls,
                  headlines=service.headlines().get(given["name"]))


@pytest.mark.asyncio
async def test_shutdown_is_prompt_with_fetches_in_flight():
    given = grade.begin()
    sources = [FakeSource(name, delay=10) for name in given["names"]]
    service = news.NewsService(sources, interval=0.01)
    service.start()
    await asyncio.gather(*(s.fetching.wait() for s in sources))
    started = time.perf_counter()
    await service.shutdown()
    grade.observe(shutdown_s=time.perf_counter() - started, other_tasks=_others())


@pytest.mark.asyncio
async def test_shutdown_with_some_pollers_sleeping_and_some_fetching():
    given = grade.begin()
    fast, slow = FakeSource(given["fast"]), FakeSource(given["slow"], delay=10)
    service = news.NewsService([fast, slow], interval=60)
    service.start()
    await slow.fetching.wait()
    await asyncio.sleep(0.01)
    await service.shutdown()
    grade.observe(other_tasks=_others(), headlines=service.headlines())


@pytest.mark.asyncio
async def test_shutdown_with_nothing_started():
    given = grade.begin()
    service = news.NewsService([FakeSource(given["name"])])
    await service.shutdown()
    grade.observe(done=True)
