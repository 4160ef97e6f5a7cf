import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck


@pytest_asyncio.fixture
async def pool():
    queue, results = asyncio.Queue(), {}
    workers = [asyncio.create_task(tcpcheck.checker(queue, results)) for _ in range(3)]
    yield queue, results
    for worker in workers:
        worker.cancel()
    try:
        await asyncio.gather(*workers)
    except asyncio.CancelledError:
        pass  # the gather re-raises the workers' cancellation: that is what we asked for


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.asyncio
async def test_closed_port_is_down(pool):
    queue, results = pool
    port = closed_port()
    await queue.put(("127.0.0.1", port))
    await queue.join()
    assert results == {("127.0.0.1", port): False}
