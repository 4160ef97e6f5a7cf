import asyncio

import pytest

import news


async def cancel_the_rest():
    """Teardown by hand: cancel every other task on this loop and wait until each has stopped."""
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in others:
        task.cancel()
    for task in others:
        try:
            await task
        except asyncio.CancelledError:
            pass


@pytest.mark.asyncio
async def test_tickers_tick():
    counts = {}
    news.start_tickers(counts, ["a", "b"])
    await asyncio.sleep(0.02)
    assert counts["a"] > 1 and counts["b"] > 1
    await cancel_the_rest()
    assert all(t is asyncio.current_task() for t in asyncio.all_tasks())
