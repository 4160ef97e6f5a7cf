import asyncio

import pytest

from news import Aggregator


@pytest.mark.asyncio
async def test_run_stops_when_cancelled():
    agg = Aggregator(["bbc"])
    task = asyncio.create_task(agg.run())
    await asyncio.sleep(0.02)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, timeout=0.5)
