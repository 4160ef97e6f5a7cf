"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_aggregator.py, which only the sandbox's supervisor reads."""
import asyncio
import time

import pytest

import news
from asynclab_harness import grade


class FakeSource:
    def __init__(self, name, delay=0.0):
        self.name, self.delay, self.calls = name, delay, 0
        self.in_flight = asyncio.Event()

    async def fetch(self):
        self.calls += 1
        if self.calls > 1:
            self.in_flight.set()
        await asyncio.sleep(self.delay)
        return [f"{self.name} #{self.calls}"]


def _others():
    return len(asyncio.all_tasks() - {asyncio.current_task()})


@pytest.mark.asyncio
async def test_refreshes_every_interval():
    given = grade.begin()
    aggregator = news.Aggregator([FakeSource(given["name"])], interval=0.02)
    await aggregator.start()
    await asyncio.sleep(0.09)
    await aggregator.close()
    grade.observe(refreshes=aggregator.refreshes)


@pytest.mark.asyncio
async def test_no_refresh_after_close():
    given = grade.begin()
    aggregator = news.Aggregator([FakeSource(given["name"])], interval=0.01)
    await aggregator.start()
    await asyncio.sleep(0.025)
    await aggregator.close()
    before = [aggregator.refreshes, repr(aggregator.latest)]
    await asyncio.sleep(0.04)
    grade.observe(before=before, after=[aggregator.refreshes, repr(aggregator.latest)])


@pytest.mark.asyncio
async def test_close_interrupts_a_slow_refresh():
    given = grade.begin()
    slow = FakeSource(given["name"], delay=0.0)
    aggregator = news.Aggregator([slow], interval=0.01)
    await aggregator.start()
    slow.delay = 10
    await asyncio.wait_for(slow.in_flight.wait(), 1)
    started = time.perf_counter()
    await aggregator.close()
    grade.observe(close_s=time.perf_counter() - started, other_tasks=_others())


@pytest.mark.asyncio
async def test_close_twice_is_harmless():
    given = grade.begin()
    aggregator = news.Aggregator([FakeSource(given["name"])])
    await aggregator.start()
    await aggregator.close()
    await aggregator.close()
    grade.observe(other_tasks=_others())


@pytest.mark.asyncio
async def test_an_aggregator_can_be_closed_without_waiting_an_interval():
    given = grade.begin()
    aggregator = news.Aggregator([FakeSource(given["name"])], interval=60)
    await aggregator.start()
    started = time.perf_counter()
    await aggregator.close()
    grade.observe(close_s=time.perf_counter() - started, other_tasks=_others())
