import pytest

from news import fetch_all


@pytest.mark.asyncio
async def test_fetch_all_keeps_order():
    assert await fetch_all(["bbc", "npr", "ap"]) == ["bbc headline", "npr headline", "ap headline"]
