import asyncio
import time

import pytest

import news


class FlakySource:
    """Fails `failures` times, then answers after `delay` seconds."""

    def __init__(self, name, failures=0, delay=0.0):
        self.name, self.failures, self.delay = name, failures, delay
        self.attempts = 0
        self.answered_at = None

    async def fetch(self):
        self.attempts += 1
        await asyncio.sleep(self.delay)
        if self.attempts <= self.failures:
            raise news.SourceError(f"{self.name} is having a bad moment")
        self.answered_at = time.perf_counter()
        return [f"{self.name} headline"]


@pytest.mark.asyncio
async def test_flaky_sources_retry_at_the_same_time():
    sources = [FlakySource(f"s{i}", failures=1) for i in range(3)]
    started = time.perf_counter()
    headlines, failed = await news.fetch_all(sources)
    assert failed == []
    assert list(headlines) == ["s0", "s1", "s2"]
    # each waits 0.12 s before its retry; the three waits should overlap
    assert time.perf_counter() - started < 0.25


@pytest.mark.asyncio
async def test_a_flaky_source_does_not_hold_up_a_healthy_one():
    flaky, healthy = FlakySource("flaky", failures=1), FlakySource("healthy", delay=0.02)
    started = time.perf_counter()
    await news.fetch_all([flaky, healthy])
    assert healthy.answered_at - started < 0.08
