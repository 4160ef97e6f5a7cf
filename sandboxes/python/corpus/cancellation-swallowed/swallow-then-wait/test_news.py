import pytest

from news import drain


@pytest.mark.asyncio
async def test_drain():
    assert await drain(["a"]) == ["a"]
