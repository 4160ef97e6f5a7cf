"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_publish.py, which only the sandbox's supervisor reads."""
from unittest.mock import AsyncMock

import pytest

import news
from asynclab_harness import grade


def _headlines(given):
    return [news.Headline(source, title, breaking=breaking) for source, title, breaking in given["headlines"]]


def _awaits(mock):
    return {"awaited": [list(c.args) for c in mock.await_args_list], "calls": mock.call_count}


@pytest.mark.asyncio
async def test_no_breaking_news_no_page():
    given = grade.begin()
    feed, pager = AsyncMock(), AsyncMock()
    paged = await news.publish(_headlines(given), feed, pager)
    grade.observe(paged=paged, feed=_awaits(feed.post), pager=_awaits(pager.page))


@pytest.mark.asyncio
async def test_each_breaking_headline_is_paged_once():
    given = grade.begin()
    feed, pager = AsyncMock(), AsyncMock()
    paged = await news.publish(_headlines(given), feed, pager)
    grade.observe(paged=paged, feed=_awaits(feed.post), pager=_awaits(pager.page))


@pytest.mark.asyncio
async def test_page_goes_out_after_the_post():
    given = grade.begin()
    events = []
    feed, pager = AsyncMock(), AsyncMock()
    feed.post.side_effect = lambda source, title: events.append(["post", title])
    pager.page.side_effect = lambda message: events.append(["page", message])
    await news.publish(_headlines(given), feed, pager)
    grade.observe(events=events)


@pytest.mark.asyncio
async def test_a_failing_pager_is_not_hidden():
    given = grade.begin()
    feed, pager = AsyncMock(), AsyncMock()
    pager.page.side_effect = ConnectionError(given["error"])
    try:
        await news.publish(_headlines(given), feed, pager)
    except Exception as error:  # noqa: BLE001 (what came out is the observation)
        grade.observe(raised=type(error).__name__)
    else:
        grade.observe(raised=None)
