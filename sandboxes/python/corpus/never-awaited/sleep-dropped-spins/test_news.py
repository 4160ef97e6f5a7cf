import pytest

from news import load_and_read


@pytest.mark.asyncio
async def test_load_and_read():
    assert await load_and_read() == ["a", "b"]
