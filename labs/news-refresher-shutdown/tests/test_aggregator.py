import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, delay=0.0):
        self.name, self.delay, self.calls = name, delay, 0

    async def fetch(self):
        self.calls += 1
        await asyncio.sleep(self.delay)
        return [f"{self.name} #{self.calls}"]


@pytest.mark.asyncio
async def test_start_refreshes_at_once():
    aggregator = news.Aggregator([FakeSource("wire"), FakeSource("blog")])
    await aggregator.start()
    try:
        assert aggregator.latest == {"wire": ["wire #1"], "blog": ["blog #1"]}
    finally:
        await aggregator.close()


@pytest.mark.asyncio
async def test_close_leaves_nothing_running():
    aggregator = news.Aggregator([FakeSource("wire")])
    await aggregator.start()
    await aggregator.close()
    assert asyncio.all_tasks() == {asyncio.current_task()}
