import asyncio
import time

import pytest

import news


class FlakySource:
    def __init__(self, name, failures=0, delay=0.0):
        self.name, self.failures, self.delay = name, failures, delay
        self.attempt_times = []

    async def fetch(self):
        self.attempt_times.append(time.perf_counter())
        await asyncio.sleep(self.delay)
        if len(self.attempt_times) <= self.failures:
            raise news.SourceError(self.name)
        return [f"{self.name} headline"]


@pytest.mark.asyncio
async def test_retry_then_success():
    headlines, failed = await news.fetch_all([FlakySource("wire", failures=2)])
    assert headlines == {"wire": ["wire headline"]}
    assert failed == []


@pytest.mark.asyncio
async def test_gives_up_after_three_attempts_with_doubling_waits():
    source = FlakySource("dead", failures=99)
    headlines, failed = await news.fetch_all([source, FlakySource("ok")])
    assert failed == ["dead"] and headlines == {"ok": ["ok headline"]}
    assert len(source.attempt_times) == 3
    first, second = (b - a for a, b in zip(source.attempt_times, source.attempt_times[1:]))
    assert 0.1 <= first < 0.2
    assert 0.2 <= second < 0.35


@pytest.mark.asyncio
async def test_the_loop_stays_responsive_while_sources_back_off():
    gaps = []

    async def heartbeat():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = asyncio.create_task(heartbeat())
    try:
        await news.fetch_all([FlakySource("a", failures=1), FlakySource("b", failures=1)])
    finally:
        ticker.cancel()
        await asyncio.gather(ticker, return_exceptions=True)
    assert gaps and max(gaps) < 0.06


@pytest.mark.asyncio
async def test_other_errors_are_not_swallowed():
    class Broken:
        name = "broken"

        async def fetch(self):
            raise ValueError("parser bug")

    with pytest.raises(ValueError):
        await news.fetch_all([Broken()])
