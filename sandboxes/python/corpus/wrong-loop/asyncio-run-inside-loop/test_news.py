import pytest

from news import front_page


@pytest.mark.asyncio
async def test_front_page():
    assert await front_page(["bbc"]) == ["bbc headline"]
