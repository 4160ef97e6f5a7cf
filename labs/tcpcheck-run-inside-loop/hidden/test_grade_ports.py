import asyncio
import socket
import time

import pytest
import pytest_asyncio

import tcpcheck


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest_asyncio.fixture
async def open_ports():
    async def handle(reader, writer):
        writer.close()

    servers = [await asyncio.start_server(handle, "127.0.0.1", 0) for _ in range(3)]
    yield [server.sockets[0].getsockname()[1] for server in servers]
    for server in servers:
        server.close()
        await server.wait_closed()


def test_is_open_on_a_listening_socket():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert tcpcheck.is_open("127.0.0.1", listener.getsockname()[1]) is True


@pytest.mark.asyncio
async def test_open_ports_in_the_order_given(open_ports):
    a, b, c = open_ports
    down = closed_port()
    assert await tcpcheck.open_ports("127.0.0.1", [c, down, a, b]) == [c, a, b]


@pytest.mark.asyncio
async def test_no_open_ports():
    assert await tcpcheck.open_ports("127.0.0.1", [closed_port(), closed_port()]) == []


@pytest.mark.asyncio
async def test_ports_are_checked_concurrently(monkeypatch):
    async def slow_refusal(host, port):
        await asyncio.sleep(0.05)
        raise ConnectionRefusedError()

    monkeypatch.setattr(asyncio, "open_connection", slow_refusal)
    started = time.perf_counter()
    assert await tcpcheck.open_ports("127.0.0.1", list(range(1000, 1006))) == []
    assert time.perf_counter() - started < 0.2


@pytest.mark.asyncio
async def test_the_timeout_still_applies(monkeypatch):
    async def never_connects(host, port):
        await asyncio.Event().wait()

    monkeypatch.setattr(asyncio, "open_connection", never_connects)
    assert await asyncio.wait_for(tcpcheck.open_ports("127.0.0.1", [1, 2], timeout=0.05), 1) == []
