import asyncio
import time

import pytest

import news


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


@pytest.mark.asyncio
async def test_refreshes_every_interval():
    aggregator = news.Aggregator([FakeSource("wire")], interval=0.02)
    await aggregator.start()
    await asyncio.sleep(0.09)
    await aggregator.close()
    assert aggregator.refreshes >= 3


@pytest.mark.asyncio
async def test_no_refresh_after_close():
    aggregator = news.Aggregator([FakeSource("wire")], interval=0.01)
    await aggregator.start()
    await asyncio.sleep(0.025)
    await aggregator.close()
    count, latest = aggregator.refreshes, aggregator.latest
    await asyncio.sleep(0.04)
    assert (aggregator.refreshes, aggregator.latest) == (count, latest)


@pytest.mark.asyncio
async def test_close_interrupts_a_slow_refresh():
    slow = FakeSource("slow", delay=0.0)
    aggregator = news.Aggregator([slow], interval=0.01)
    await aggregator.start()
    slow.delay = 10
    await asyncio.wait_for(slow.in_flight.wait(), 1)
    started = time.perf_counter()
    await aggregator.close()
    assert time.perf_counter() - started < 0.1
    assert asyncio.all_tasks() == {asyncio.current_task()}


@pytest.mark.asyncio
async def test_close_twice_is_harmless():
    aggregator = news.Aggregator([FakeSource("wire")])
    await aggregator.start()
    await aggregator.close()
    await aggregator.close()
    assert asyncio.all_tasks() == {asyncio.current_task()}


@pytest.mark.asyncio
async def test_an_aggregator_can_be_closed_without_waiting_an_interval():
    aggregator = news.Aggregator([FakeSource("wire")], interval=60)
    await aggregator.start()
    started = time.perf_counter()
    await aggregator.close()
    assert time.perf_counter() - started < 0.1
    assert asyncio.all_tasks() == {asyncio.current_task()}
