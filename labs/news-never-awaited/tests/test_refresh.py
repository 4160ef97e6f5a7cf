import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay = name, titles, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return list(self.titles)


@pytest.mark.asyncio
async def test_refresh_returns_the_headlines():
    headlines = await news.refresh([FakeSource("wire", ["a", "b"])], news.Cache())
    assert headlines == [news.Headline("wire", "a"), news.Headline("wire", "b")]


@pytest.mark.asyncio
async def test_refresh_saves_the_headlines():
    cache = news.Cache()
    await news.refresh([FakeSource("wire", ["a", "b"]), FakeSource("blog", ["c"])], cache)
    assert cache.saved == {"wire": ["a", "b"], "blog": ["c"]}
