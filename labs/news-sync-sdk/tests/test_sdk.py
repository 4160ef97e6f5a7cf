import asyncio
import threading
import time

import pytest

import news


class SlowSdkClient:
    """The vendor's synchronous client: every get() holds its thread for `delay` seconds."""

    def __init__(self, delay=0.12):
        self.delay = delay
        self._lock = threading.Lock()
        self.active = self.peak = 0

    def get(self, url):
        with self._lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        time.sleep(self.delay)
        with self._lock:
            self.active -= 1
        return [f"{url} headline"]


@pytest.mark.asyncio
async def test_six_urls_take_two_rounds_not_six():
    urls = [f"https://news.example/{i}" for i in range(6)]
    started = time.perf_counter()
    result = await news.fetch_all(SlowSdkClient(), urls)
    assert list(result) == urls
    # three at a time, 0.12 s each: about 0.24 s
    assert time.perf_counter() - started < 0.4


@pytest.mark.asyncio
async def test_the_loop_keeps_running_during_requests():
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
        await news.fetch_all(SlowSdkClient(), ["https://news.example/a", "https://news.example/b"])
    finally:
        ticker.cancel()
        await asyncio.gather(ticker, return_exceptions=True)
    assert gaps and max(gaps) < 0.08
