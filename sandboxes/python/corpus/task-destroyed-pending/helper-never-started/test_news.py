import pytest

from news import subscribe


@pytest.mark.asyncio
async def test_subscribe():
    assert await subscribe("ann@example.test") == "subscribed"
