import pytest

from news import run_jobs


@pytest.mark.asyncio
async def test_run_jobs_counts():
    assert await run_jobs(["a"]) == 1
