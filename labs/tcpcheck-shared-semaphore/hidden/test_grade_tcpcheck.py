"""Hidden checks' drivers: they run tcpcheck.py with this run's inputs and report what they saw.
The expected values live in judge_tcpcheck.py, which only the sandbox's supervisor reads."""
import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck
from asynclab_harness import grade


@pytest_asyncio.fixture
async def open_port():
    async def handle(reader, writer):
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def counted_connections(monkeypatch):
    """Wraps asyncio.open_connection to record the peak number of connections being opened."""
    stats = {"active": 0, "peak": 0}
    real_open = asyncio.open_connection

    async def counting_open(host, port, **kwargs):
        stats["active"] += 1
        stats["peak"] = max(stats["peak"], stats["active"])
        try:
            await asyncio.sleep(0.02)
            return await real_open(host, port, **kwargs)
        finally:
            stats["active"] -= 1

    monkeypatch.setattr(asyncio, "open_connection", counting_open)
    return stats


def _rows(results):
    return [[r.host, r.port, r.up] for r in results]


@pytest.mark.asyncio
async def test_never_more_than_four_connections(open_port, counted_connections):
    given = grade.begin()
    results = await tcpcheck.check_all([("127.0.0.1", open_port)] * given["targets"])
    grade.observe(port=open_port, rows=_rows(results), peak=counted_connections["peak"])


@pytest.mark.asyncio
async def test_a_second_run_works_like_the_first(open_port):
    given = grade.begin()
    runs = [_rows(await tcpcheck.check_all([("127.0.0.1", open_port)] * given["targets"])) for _ in range(2)]
    grade.observe(port=open_port, runs=runs)


def test_the_tool_can_run_twice_in_one_process():
    given = grade.begin()

    async def run_once():
        async def handle(reader, writer):
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        async with server:
            return _rows(await tcpcheck.check_all([("127.0.0.1", server.sockets[0].getsockname()[1])] * given["targets"]))

    # a new event loop for each run, as a scheduler calling the tool's main() twice would get
    runs = []
    for _ in range(2):
        loop = asyncio.new_event_loop()
        try:
            runs.append(loop.run_until_complete(run_once()))
        finally:
            loop.close()
    grade.observe(ups=[[row[2] for row in rows] for rows in runs])


@pytest.mark.asyncio
async def test_results_keep_the_order_given(open_port):
    given = grade.begin()
    ports = {"down": closed_port(), "open": open_port}
    targets = [("127.0.0.1", ports[key]) for key in given["order"]]
    grade.observe(ports=ports, rows=_rows(await tcpcheck.check_all(targets)))


@pytest.mark.asyncio
async def test_single_check(open_port):
    grade.begin()
    result = await tcpcheck.check("127.0.0.1", open_port)
    grade.observe(port=open_port, row=[result.host, result.port, result.up],
                  is_result=type(result) is tcpcheck.Result)
