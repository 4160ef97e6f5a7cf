"""Hidden checks' drivers: they run news.py with this run's inputs and report what they saw.
The expected values live in judge_sdk.py, which only the sandbox's supervisor reads."""
import asyncio
import threading
import time

import pytest

import news
from asynclab_harness import grade


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


@pytest.mark.asyncio
async def test_never_more_than_three_requests_at_once():
    given = grade.begin()
    client = RecordingSdkClient()
    await news.fetch_all(client, given["urls"])
    grade.observe(peak=client.peak)


@pytest.mark.asyncio
async def test_requests_leave_the_loop_thread():
    given = grade.begin()
    client = RecordingSdkClient()
    await news.fetch_all(client, given["urls"])
    grade.observe(on_loop_thread=threading.get_ident() in client.threads, requests=len(client.trace_ids))


@pytest.mark.asyncio
async def test_results_in_the_order_given():
    given = grade.begin()
    result = await news.fetch_all(RecordingSdkClient(delay=0.01), given["urls"])
    grade.observe(items=[[url, titles] for url, titles in result.items()])


@pytest.mark.asyncio
async def test_every_request_carries_its_runs_trace_id():
    given = grade.begin()
    client_a, client_b = RecordingSdkClient(), RecordingSdkClient()
    await asyncio.gather(news.fetch_all(client_a, given["urls"]), news.fetch_all(client_b, given["urls"]))
    ids_a, ids_b = set(client_a.trace_ids.values()), set(client_b.trace_ids.values())
    grade.observe(ids_a=sorted(map(repr, ids_a)), ids_b=sorted(map(repr, ids_b)),
                  after=repr(news.trace_id.get()))


@pytest.mark.asyncio
async def test_sdk_errors_reach_the_caller():
    given = grade.begin()
    try:
        await news.fetch_all(RecordingSdkClient(fail_on={given["failing"]}), given["urls"])
    except Exception as error:  # noqa: BLE001 (what came out is the observation)
        grade.observe(raised=type(error).__name__)
    else:
        grade.observe(raised=None)


@pytest.mark.asyncio
async def test_slow_requests_do_not_stall_other_tasks():
    given = grade.begin()
    client = RecordingSdkClient(delay=0.3)  # a blocked loop would hold the 20 ms sleep >= 0.3 s
    fetching = asyncio.create_task(news.fetch_all(client, given["urls"]))
    started = time.perf_counter()
    await asyncio.sleep(0.02)
    slept = time.perf_counter() - started
    await fetching
    grade.observe(slept_s=slept)
