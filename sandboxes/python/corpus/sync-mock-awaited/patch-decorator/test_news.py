from unittest.mock import patch

import pytest

import news


@pytest.mark.asyncio
@patch("news.session")  # expect: sync-mock-awaited
async def test_headline_count(fake_session):
    fake_session.get.return_value = ["a", "b"]
    assert await news.headline_count("bbc") == 2
