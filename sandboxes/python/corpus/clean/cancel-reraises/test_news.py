import pytest

from news import run_briefly


@pytest.mark.asyncio
async def test_worker_cleans_up_and_stops():
    log = []
    assert await run_briefly(log) is True
    assert log[-1] == "cleanup"
