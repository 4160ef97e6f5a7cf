from unittest.mock import AsyncMock

import pytest

from news import publish


@pytest.mark.asyncio
async def test_publish_posts_the_headline():
    client = AsyncMock()
    await publish(client, "Rain")
    client.post.assert_called_once_with("/headlines", json={"title": "Rain"})  # expect: asyncmock-not-awaited
