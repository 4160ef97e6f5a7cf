import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck


@pytest_asyncio.fixture
async def open_ports():
    """Four local servers that accept connections; yields their ports."""

    async def handle(reader, writer):
        writer.close()

    servers = [await asyncio.start_server(handle, "127.0.0.1", 0) for _ in range(4)]
    yield [server.sockets[0].getsockname()[1] for server in servers]
    for server in servers:
        server.close()
        await server.wait_closed()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.asyncio
async def test_eight_open_ports(open_ports):
    targets = [("127.0.0.1", port) for port in open_ports * 2]
    results = await tcpcheck.check_all(targets)
    assert [r.up for r in results] == [True] * 8


@pytest.mark.asyncio
async def test_open_and_closed_ports(open_ports):
    down = closed_port()
    targets = [("127.0.0.1", port) for port in open_ports + [down] * 4]
    results = await tcpcheck.check_all(targets)
    assert [r.up for r in results] == [True] * 4 + [False] * 4
    assert results[-1] == tcpcheck.Result("127.0.0.1", down, False, "ConnectionRefusedError")
