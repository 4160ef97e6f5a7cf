import pytest

from news import fetch_page


@pytest.mark.asyncio
async def test_page_has_article_and_comments():
    assert len(await fetch_page("rain")) == 2
