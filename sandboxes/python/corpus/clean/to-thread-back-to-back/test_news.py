import pytest

import news


@pytest.mark.asyncio
async def test_many_sources_one_after_another():
    sources = [f"s{i}" for i in range(200)]
    titles = await news.fetch_all(sources)
    assert len(titles) == 200
