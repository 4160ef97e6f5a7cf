import asyncio

import pytest

import news


@pytest.mark.asyncio
async def test_refresh_does_not_block_the_caller():
    assert news.refresh_in_background("bbc") is None
    await asyncio.sleep(0.01)
