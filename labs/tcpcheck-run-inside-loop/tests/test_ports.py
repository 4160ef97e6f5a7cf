import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest_asyncio.fixture
async def open_port():
    async def handle(reader, writer):
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


def test_is_open_from_synchronous_code():
    assert tcpcheck.is_open("127.0.0.1", closed_port()) is False


@pytest.mark.asyncio
async def test_open_ports(open_port):
    down = closed_port()
    assert await tcpcheck.open_ports("127.0.0.1", [down, open_port]) == [open_port]
