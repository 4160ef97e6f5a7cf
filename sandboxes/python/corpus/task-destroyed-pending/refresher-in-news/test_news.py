import pytest

from news import Feed


@pytest.mark.asyncio
async def test_feed_refreshes():
    feed = await Feed().start()
    assert feed.items
