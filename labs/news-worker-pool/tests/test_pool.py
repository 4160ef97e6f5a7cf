import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, titles=(), down=False, delay=0.01):
        self.name, self.titles, self.down, self.delay = name, list(titles), down, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        if self.down:
            raise news.SourceError(f"{self.name} is down")
        return list(self.titles)


@pytest.mark.asyncio
async def test_every_source_answers():
    sources = [FakeSource(f"s{i}", [f"t{i}"]) for i in range(5)]
    headlines, failed = await news.fetch_all(sources)
    assert headlines == {f"s{i}": [f"t{i}"] for i in range(5)}
    assert failed == []


@pytest.mark.asyncio
async def test_a_source_that_is_down_is_reported():
    sources = [FakeSource("wire", ["w"]), FakeSource("blog", down=True), FakeSource("radio", ["r"])]
    headlines, failed = await news.fetch_all(sources)
    assert headlines == {"wire": ["w"], "radio": ["r"]}
    assert failed == ["blog"]
