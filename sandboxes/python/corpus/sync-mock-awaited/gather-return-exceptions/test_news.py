from unittest import mock

import pytest

import news


@pytest.fixture
def api():
    fake = mock.Mock(name="api")  # expect: sync-mock-awaited
    fake.item.side_effect = lambda story_id: {"title": f"story {story_id}"}
    return fake


@pytest.mark.asyncio
async def test_front_page_is_a_list(api):
    titles = await news.front_page(api, [1, 2, 3])
    assert isinstance(titles, list)
