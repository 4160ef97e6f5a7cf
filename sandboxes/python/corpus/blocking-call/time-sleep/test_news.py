import pytest

from news import fetch_all


@pytest.mark.asyncio
async def test_fetch_all():
    assert await fetch_all(["bbc"]) == ["bbc headline"]
