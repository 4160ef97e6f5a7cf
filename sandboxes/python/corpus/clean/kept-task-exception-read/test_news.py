import asyncio

import pytest

import news


@pytest.mark.asyncio
async def test_failure_is_logged():
    news.refresh_in_background("bbc")
    await asyncio.sleep(0.01)
    assert news.failures == ["ConnectionError('bbc is unreachable')"]


@pytest.mark.asyncio
async def test_scheduler_reports_failures():
    news.scheduler.submit(news.refresh("npr"))
    results = await news.scheduler.results()
    assert isinstance(results[0], ConnectionError)
