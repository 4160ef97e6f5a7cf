"""Hidden checks' drivers: they run tcpcheck.py with this run's inputs and report what they saw.
The expected values live in judge_ports.py, which only the sandbox's supervisor reads."""
import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck
from asynclab_harness import grade


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
    grade.begin()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        grade.observe(is_open=repr(tcpcheck.is_open("127.0.0.1", listener.getsockname()[1])))


@pytest.mark.asyncio
async def test_open_ports_in_the_order_given(open_ports):
    given = grade.begin()
    ports = {"open0": open_ports[0], "open1": open_ports[1], "open2": open_ports[2], "down": closed_port()}
    asked = [ports[key] for key in given["order"]]
    grade.observe(ports=ports, asked=asked, found=await tcpcheck.open_ports("127.0.0.1", asked))


@pytest.mark.asyncio
async def test_no_open_ports():
    given = grade.begin()
    asked = [closed_port() for _ in range(given["count"])]
    grade.observe(found=await tcpcheck.open_ports("127.0.0.1", asked))


@pytest.mark.asyncio
async def test_ports_are_checked_concurrently(monkeypatch):
    given = grade.begin()

    async def slow_refusal(host, port):
        await asyncio.sleep(0.05)
        raise ConnectionRefusedError()

    monkeypatch.setattr(asyncio, "open_connection", slow_refusal)
    grade.observe(found=await tcpcheck.open_ports("127.0.0.1", given["ports"]))


@pytest.mark.asyncio
async def test_the_timeout_still_applies(monkeypatch):
    given = grade.begin()

    async def never_connects(host, port):
        await asyncio.Event().wait()

    monkeypatch.setattr(asyncio, "open_connection", never_connects)
    found = await asyncio.wait_for(tcpcheck.open_ports("127.0.0.1", given["ports"], timeout=0.05), 1)
    grade.observe(found=found)
