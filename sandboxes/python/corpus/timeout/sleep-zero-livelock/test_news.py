import pytest

from news import run


@pytest.mark.asyncio
async def test_run_collects_items():
    assert await run(3) == [0, 1, 2]
