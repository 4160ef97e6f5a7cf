import pytest

from news import publish


@pytest.mark.asyncio
async def test_publish():
    assert await publish("bbc")
