"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_retry.py, which only the sandbox's supervisor reads."""
import asyncio
import time

import pytest

import news
from asynclab_harness import grade


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
    given = grade.begin()
    headlines, failed = await news.fetch_all([FlakySource(given["name"], failures=2)])
    grade.observe(headlines=headlines, failed=failed)


@pytest.mark.asyncio
async def test_gives_up_after_three_attempts_with_doubling_waits():
    given = grade.begin()
    source = FlakySource(given["dead"], failures=99)
    headlines, failed = await news.fetch_all([source, FlakySource(given["ok"])])
    times = source.attempt_times
    grade.observe(headlines=headlines, failed=failed, gaps=[b - a for a, b in zip(times, times[1:])])


@pytest.mark.asyncio
async def test_the_loop_stays_responsive_while_sources_back_off():
    given = grade.begin()
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
        await news.fetch_all([FlakySource(name, failures=1) for name in given["names"]])
    finally:
        ticker.cancel()
        await asyncio.gather(ticker, return_exceptions=True)
    grade.observe(gaps=gaps)


@pytest.mark.asyncio
async def test_other_errors_are_not_swallowed():
    given = grade.begin()

    class Broken:
        name = given["name"]

        async def fetch(self):
            raise ValueError(given["message"])

    try:
        await news.fetch_all([Broken()])
    except Exception as error:  # noqa: BLE001 (what came out is the observation)
        grade.observe(raised=type(error).__name__, message=str(error))
    else:
        grade.observe(raised=None, message=None)
