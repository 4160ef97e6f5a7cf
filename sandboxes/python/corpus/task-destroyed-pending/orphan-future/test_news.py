import pytest

from news import ask


@pytest.mark.asyncio
async def test_ask():
    assert await ask() == "asked"
