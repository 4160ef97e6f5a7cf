import pytest

from news import publish


@pytest.mark.asyncio
async def test_publish_returns_headline():
    assert await publish("Rain", ["ann"]) == "Rain"
