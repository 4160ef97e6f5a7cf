from unittest.mock import MagicMock, patch

import pytest

import news


@pytest.mark.asyncio
async def test_top_story_is_first():
    fake = MagicMock(return_value={"stories": ["a", "b"]})  # expect: sync-mock-awaited
    with patch("news.fetch_json", new=fake):
        assert await news.top_story("bbc") == "a"
