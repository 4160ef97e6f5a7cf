import pytest

import news


@pytest.mark.asyncio
async def test_polling_fills_latest():
    await news.start_polling(["bbc"])
    assert news.latest["bbc"] == "bbc headline"
