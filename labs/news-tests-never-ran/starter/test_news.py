import asyncio
import time

import news


class FakeSource:
    active = peak = 0

    def __init__(self, name, titles=(), delay=0.02, down=False):
        self.name, self.titles, self.delay, self.down = name, list(titles), delay, down

    async def fetch(self):
        FakeSource.active += 1
        FakeSource.peak = max(FakeSource.peak, FakeSource.active)
        try:
            await asyncio.sleep(self.delay)
        finally:
            FakeSource.active -= 1
        if self.down:
            raise news.SourceError(f"{self.name} is down")
        return list(self.titles)


def test_format_digest():
    digest = news.Digest(headlines={"wire": ["a", "b"]}, failed=["blog"])
    assert news.format_digest(digest) == "wire:\n  - a\n  - b\nunavailable: blog"


async def test_every_source_in_the_order_given():
    sources = [FakeSource("slow", ["s"], delay=0.05), FakeSource("fast", ["f"], delay=0.01)]
    digest = await news.fetch_all(sources)
    assert list(digest.headlines.items()) == [("slow", ["s"]), ("fast", ["f"])]
    assert digest.failed == []


async def test_a_source_that_is_down_is_listed():
    sources = [FakeSource("wire", ["w"]), FakeSource("blog", down=True)]
    digest = await news.fetch_all(sources)
    assert digest.headlines == {"wire": ["w"]}
    assert digest.failed == ["blog"]


async def test_sources_are_fetched_at_the_same_time():
    sources = [FakeSource(f"s{i}", ["t"], delay=0.05) for i in range(3)]
    started = time.perf_counter()
    await news.fetch_all(sources)
    assert time.perf_counter() - started < 0.12


async def test_never_more_than_limit_at_once():
    FakeSource.active = FakeSource.peak = 0
    await news.fetch_all([FakeSource(f"s{i}", ["t"]) for i in range(7)], limit=3)
    assert FakeSource.peak == 3
