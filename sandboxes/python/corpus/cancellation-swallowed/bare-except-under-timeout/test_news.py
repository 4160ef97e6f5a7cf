import pytest

from news import fetch_or_give_up


@pytest.mark.asyncio
async def test_gives_up_after_timeout():
    assert await fetch_or_give_up("bbc") is None
