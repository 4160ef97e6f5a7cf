import asyncio
from unittest.mock import MagicMock, Mock

import pytest

import news


async def fake_get(url):
    await asyncio.sleep(0)
    return {"title": url.split("//")[1].split(".")[0]}


@pytest.mark.asyncio
async def test_side_effect_coroutine_function_is_awaitable():
    client = MagicMock()
    client.get.side_effect = fake_get  # a plain mock whose call returns a coroutine
    assert await news.headline_or_none(client, "bbc") == "bbc"


@pytest.mark.asyncio
async def test_mock_returning_a_future():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result({"title": "Rain"})
    client = Mock()
    client.get.return_value = done
    assert await news.headline_or_none(client, "bbc") == "Rain"


@pytest.mark.asyncio
async def test_mock_that_raises_before_any_await():
    client = MagicMock()
    client.get.side_effect = ConnectionError("down")
    assert await news.headline_or_none(client, "bbc") is None


@pytest.mark.asyncio
async def test_gather_of_awaitable_mocks():
    api = Mock()
    api.item.side_effect = lambda i: fake_get(f"https://s{i}.test")
    assert await news.front_page(api, [1, 2]) == ["s1", "s2"]
