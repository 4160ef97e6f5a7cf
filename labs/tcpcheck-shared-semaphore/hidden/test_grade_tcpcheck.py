import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck


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


@pytest.mark.asyncio
async def test_never_more_than_four_connections(open_port, counted_connections):
    results = await tcpcheck.check_all([("127.0.0.1", open_port)] * 10)
    assert all(r.up for r in results)
    assert counted_connections["peak"] == tcpcheck.MAX_CONNECTIONS == 4


@pytest.mark.asyncio
async def test_a_second_run_works_like_the_first(open_port):
    for _ in range(2):
        results = await tcpcheck.check_all([("127.0.0.1", open_port)] * 6)
        assert all(r.up for r in results)


def test_the_tool_can_run_twice_in_one_process():
    async def run_once():
        async def handle(reader, writer):
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        async with server:
            return await tcpcheck.check_all([("127.0.0.1", server.sockets[0].getsockname()[1])] * 6)

    # a new event loop for each run, as a scheduler calling the tool's main() twice would get
    for _ in range(2):
        loop = asyncio.new_event_loop()
        try:
            assert all(r.up for r in loop.run_until_complete(run_once()))
        finally:
            loop.close()


@pytest.mark.asyncio
async def test_results_keep_the_order_given(open_port):
    down = closed_port()
    targets = [("127.0.0.1", down), ("127.0.0.1", open_port)] * 3
    results = await tcpcheck.check_all(targets)
    assert [r.up for r in results] == [False, True] * 3
    assert [r.port for r in results] == [down, open_port] * 3


@pytest.mark.asyncio
async def test_single_check(open_port):
    assert await tcpcheck.check("127.0.0.1", open_port) == tcpcheck.Result("127.0.0.1", open_port, True)
