import pytest

import news


@pytest.mark.asyncio
async def test_headlines_are_upper_case():
    assert await news.fetch_headlines(["a", "b"]) == ["A", "B"]
