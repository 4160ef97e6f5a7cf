import pytest

from news import fetch


@pytest.mark.asyncio
async def test_fetch():
    assert await fetch("a") == "a"
