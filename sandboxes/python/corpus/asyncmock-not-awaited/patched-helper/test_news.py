from unittest.mock import patch

import pytest

import news


@pytest.mark.asyncio
async def test_headlines_counts_urls():
    with patch("news.fetch_json"):
        assert await news.headlines(["a", "b"]) == 2
