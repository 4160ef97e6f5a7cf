import asyncio

import pytest

import news


@pytest.mark.asyncio
async def test_executor_does_not_block_the_loop():
    beats = []

    async def heartbeat():
        for _ in range(5):
            beats.append(1)
            await asyncio.sleep(0.01)

    result, _ = await asyncio.gather(news.parse_in_executor("a"), heartbeat())
    assert result == "A" and len(beats) == 5


@pytest.mark.asyncio
async def test_to_thread():
    assert await news.parse_in_thread("b") == "B"
