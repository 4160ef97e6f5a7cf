import asyncio

import pytest

from news import fetch_forever


@pytest.mark.asyncio
async def test_worker_stops_on_cancel():
    out = []
    task = asyncio.create_task(fetch_forever("bbc", out))
    await asyncio.sleep(0.02)
    task.cancel()
    await asyncio.wait([task])
    assert task.done()
