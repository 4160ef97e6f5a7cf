import pytest

from news import ranked


@pytest.mark.asyncio
async def test_ranked():
    assert await ranked(["b", "a"]) == ["a", "b"]
