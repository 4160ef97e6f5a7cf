import asyncio
import threading
import time

import pytest

import news


class RecordingSdkClient:
    def __init__(self, delay=0.05, fail_on=()):
        self.delay, self.fail_on = delay, set(fail_on)
        self._lock = threading.Lock()
        self.active = self.peak = 0
        self.trace_ids = {}
        self.threads = set()

    def get(self, url):
        with self._lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.trace_ids[url] = news.trace_id.get()
            self.threads.add(threading.get_ident())
        try:
            time.sleep(self.delay)
            if url in self.fail_on:
                raise ConnectionError(url)
            return [f"{url} headline"]
        finally:
            with self._lock:
                self.active -= 1


URLS = [f"https://news.example/{i}" for i in range(7)]


@pytest.mark.asyncio
async def test_never_more_than_three_requests_at_once():
    client = RecordingSdkClient()
    await news.fetch_all(client, URLS)
    assert client.peak == news.MAX_CONCURRENT == 3


@pytest.mark.asyncio
async def test_requests_leave_the_loop_thread():
    client = RecordingSdkClient()
    await news.fetch_all(client, URLS[:3])
    assert threading.get_ident() not in client.threads


@pytest.mark.asyncio
async def test_results_in_the_order_given():
    result = await news.fetch_all(RecordingSdkClient(delay=0.01), list(reversed(URLS)))
    assert list(result) == list(reversed(URLS))
    assert result[URLS[0]] == [f"{URLS[0]} headline"]


@pytest.mark.asyncio
async def test_every_request_carries_its_runs_trace_id():
    client_a, client_b = RecordingSdkClient(), RecordingSdkClient()
    await asyncio.gather(news.fetch_all(client_a, URLS[:4]), news.fetch_all(client_b, URLS[:4]))
    ids_a, ids_b = set(client_a.trace_ids.values()), set(client_b.trace_ids.values())
    assert len(ids_a) == 1 and len(ids_b) == 1
    assert ids_a != ids_b
    assert None not in ids_a | ids_b
    assert news.trace_id.get() is None


@pytest.mark.asyncio
async def test_sdk_errors_reach_the_caller():
    with pytest.raises(ConnectionError):
        await news.fetch_all(RecordingSdkClient(fail_on={URLS[1]}), URLS[:3])


@pytest.mark.asyncio
async def test_slow_requests_do_not_stall_other_tasks():
    client = RecordingSdkClient(delay=0.15)
    fetching = asyncio.create_task(news.fetch_all(client, URLS[:3]))
    started = time.perf_counter()
    await asyncio.sleep(0.02)
    assert time.perf_counter() - started < 0.1
    await fetching
