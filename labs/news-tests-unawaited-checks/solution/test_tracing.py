import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, delay=0.01):
        self.name, self.delay = name, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return [f"{self.name} headline"]


async def assert_lines_tagged(tid, source_names):
    await asyncio.sleep(0)  # let pending log writes land
    for name in source_names:
        lines = [line for line in news.LOG if name in line]
        assert lines, f"no log line for {name}"
        assert all(line.startswith(f"[{tid}] ") for line in lines), lines


def test_traced_sets_the_id():
    with news.traced("t-test") as tid:
        assert tid == "t-test"
        assert news.trace_id.get() == "t-test"


@pytest.mark.asyncio
async def test_request_returns_the_headlines():
    tid, headlines = await news.handle_request([FakeSource("wire"), FakeSource("blog")])
    assert tid.startswith("t-")
    assert headlines == {"wire": ["wire headline"], "blog": ["blog headline"]}


@pytest.mark.asyncio
async def test_log_lines_carry_the_request_id():
    news.LOG.clear()
    tid, _ = await news.handle_request([FakeSource("wire")])
    await assert_lines_tagged(tid, ["wire"])


@pytest.mark.asyncio
async def test_concurrent_requests_keep_their_own_ids():
    news.LOG.clear()
    seen = []

    async def reader(n):
        names = [f"reader{n}-a", f"reader{n}-b"]
        tid, _ = await news.handle_request([FakeSource(name, delay=0.01 * (n + 1)) for name in names])
        assert news.trace_id.get() is None, "the request's trace id leaked out to its caller"
        seen.append(tid)
        await assert_lines_tagged(tid, names)

    # three readers at once, as in production; the test waits for every one of them
    await asyncio.gather(*(reader(n) for n in range(3)))
    assert len(set(seen)) == 3
