import pytest

from news import fetch_and_wait


@pytest.mark.asyncio
async def test_fetch_and_wait():
    assert await fetch_and_wait() == "headline"
