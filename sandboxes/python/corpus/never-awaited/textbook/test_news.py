import pytest

from news import fetch_all


@pytest.mark.asyncio
async def test_fetch_all_returns_one_item_per_source():
    headlines = await fetch_all(["bbc", "npr"])
    assert len(headlines) == 2
