import asyncio

import pytest

from news import count_words, scheduler


@pytest.mark.asyncio
async def test_jobs_finish():
    scheduler.submit("empty", count_words(""))
    await asyncio.sleep(0.01)
    assert scheduler.running() == []
