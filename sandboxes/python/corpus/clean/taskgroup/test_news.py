import pytest

from news import fetch_all


@pytest.mark.asyncio
async def test_fetch_all():
    assert await fetch_all(["bbc", "npr"]) == ["bbc headline", "npr headline"]


@pytest.mark.asyncio
async def test_one_failure_cancels_the_group():
    with pytest.raises(ExceptionGroup):
        await fetch_all(["bbc", "broken"])
