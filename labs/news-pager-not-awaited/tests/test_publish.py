from unittest.mock import AsyncMock, call

import pytest

import news


@pytest.mark.asyncio
async def test_every_headline_is_posted_in_order():
    feed, pager = AsyncMock(), AsyncMock()
    headlines = [news.Headline("wire", "a"), news.Headline("blog", "b")]
    await news.publish(headlines, feed, pager)
    assert feed.post.await_args_list == [call("wire", "a"), call("blog", "b")]


@pytest.mark.asyncio
async def test_breaking_news_pages_the_editor():
    feed, pager = AsyncMock(), AsyncMock()
    headlines = [news.Headline("wire", "quiet day"), news.Headline("wire", "volcano", breaking=True)]
    sent = await news.publish(headlines, feed, pager)
    assert sent == 1
    pager.page.assert_awaited_once_with("BREAKING from wire: volcano")
