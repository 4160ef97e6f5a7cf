from unittest.mock import AsyncMock, patch

import pytest

import news


@pytest.mark.asyncio
async def test_publish_posts_and_closes():
    client = AsyncMock()
    client.post.return_value = {"id": 7}
    assert await news.publish(client, "Rain") == 7
    client.post.assert_awaited_once_with("/headlines", json={"title": "Rain"})
    client.close.assert_awaited_once()


@pytest.mark.asyncio
async def test_patch_makes_asyncmock_for_async_functions():
    with patch("news.publish") as fake:
        fake.return_value = 1
        assert await news.publish(None, "x") == 1
    fake.assert_awaited_once()
