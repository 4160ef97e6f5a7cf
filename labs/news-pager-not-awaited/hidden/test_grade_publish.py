from unittest.mock import AsyncMock, call

import pytest

import news


@pytest.mark.asyncio
async def test_no_breaking_news_no_page():
    feed, pager = AsyncMock(), AsyncMock()
    assert await news.publish([news.Headline("wire", "a")], feed, pager) == 0
    pager.page.assert_not_awaited()
    feed.post.assert_awaited_once_with("wire", "a")


@pytest.mark.asyncio
async def test_each_breaking_headline_is_paged_once():
    feed, pager = AsyncMock(), AsyncMock()
    headlines = [
        news.Headline("wire", "volcano", breaking=True),
        news.Headline("blog", "recipe"),
        news.Headline("radio", "flood", breaking=True),
    ]
    assert await news.publish(headlines, feed, pager) == 2
    assert pager.page.await_args_list == [
        call("BREAKING from wire: volcano"),
        call("BREAKING from radio: flood"),
    ]
    assert feed.post.await_count == 3


@pytest.mark.asyncio
async def test_page_goes_out_after_the_post():
    events = []
    feed, pager = AsyncMock(), AsyncMock()
    feed.post.side_effect = lambda source, title: events.append(("post", title))
    pager.page.side_effect = lambda message: events.append(("page", message))
    await news.publish([news.Headline("wire", "volcano", breaking=True)], feed, pager)
    assert events == [("post", "volcano"), ("page", "BREAKING from wire: volcano")]


@pytest.mark.asyncio
async def test_a_failing_pager_is_not_hidden():
    feed, pager = AsyncMock(), AsyncMock()
    pager.page.side_effect = ConnectionError("pager service down")
    with pytest.raises(ConnectionError):
        await news.publish([news.Headline("wire", "volcano", breaking=True)], feed, pager)
