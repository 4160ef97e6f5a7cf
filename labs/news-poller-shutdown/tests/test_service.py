import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, delay=0.0):
        self.name, self.delay, self.calls = name, delay, 0
        self.fetching = asyncio.Event()

    async def fetch(self):
        self.calls += 1
        self.fetching.set()
        await asyncio.sleep(self.delay)
        return [f"{self.name} #{self.calls}"]


@pytest.mark.asyncio
async def test_shutdown_between_polls():
    source = FakeSource("wire")
    service = news.NewsService([source], interval=60)
    service.start()
    await asyncio.sleep(0.01)
    await service.shutdown()
    assert service.headlines() == {"wire": ["wire #1"]}


@pytest.mark.asyncio
async def test_shutdown_while_a_source_is_slow():
    slow = FakeSource("slow", delay=10)
    service = news.NewsService([slow], interval=0.01)
    service.start()
    await slow.fetching.wait()
    await service.shutdown()
    assert asyncio.all_tasks() == {asyncio.current_task()}
