import asyncio

import pytest

from news import Aggregator


@pytest.mark.asyncio
async def test_start_then_stop():
    agg = Aggregator(["bbc", "npr"])
    agg.start()
    await asyncio.sleep(0.02)
    await agg.stop()
    assert agg.headlines == {"bbc": "bbc headline", "npr": "npr headline"}
    assert len(asyncio.all_tasks()) == 1
