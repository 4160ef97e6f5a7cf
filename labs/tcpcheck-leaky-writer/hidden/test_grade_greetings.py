"""Hidden checks' drivers: they run tcpcheck.py with this run's inputs and report what they saw.
The expected values live in judge_greetings.py, which only the sandbox's supervisor reads."""
import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck
from asynclab_harness import grade


class GreetingServer:
    def __init__(self, greeting):
        self.greeting = greeting
        self.open_connections = 0
        self.served = 0
        self._writers, self._handlers = [], []

    async def handle(self, reader, writer):
        self.open_connections += 1
        self.served += 1
        self._writers.append(writer)
        self._handlers.append(asyncio.current_task())
        try:
            if self.greeting is not None:
                writer.write(self.greeting)
                await writer.drain()
            await reader.read()
        finally:
            self.open_connections -= 1
            writer.close()

    async def start(self):
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self):
        self.server.close()
        await self.server.wait_closed()
        for writer in self._writers:
            writer.close()
        await asyncio.gather(*self._handlers, return_exceptions=True)

    async def all_hung_up(self, within=0.5):
        deadline = asyncio.get_running_loop().time() + within
        while self.open_connections and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.005)
        return self.open_connections == 0


@pytest_asyncio.fixture
async def servers():
    started = []

    async def make(greeting):
        server = await GreetingServer(greeting).start()
        started.append(server)
        return server

    yield make
    for server in started:
        await server.stop()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _row(result):
    return [result.host, result.port, result.up, result.detail, type(result) is tcpcheck.Result]


@pytest.mark.asyncio
async def test_plain_port_without_greeting(servers):
    grade.begin()
    db = await servers(None)
    result = await tcpcheck.check("127.0.0.1", db.port)
    grade.observe(port=db.port, row=_row(result), hung_up=await db.all_hung_up())


@pytest.mark.asyncio
async def test_wrong_greeting_detail(servers):
    given = grade.begin()
    web = await servers(given["greeting"].encode())
    result = await tcpcheck.check("127.0.0.1", web.port, b"SSH-")
    grade.observe(port=web.port, row=_row(result), hung_up=await web.all_hung_up())


@pytest.mark.asyncio
async def test_silent_service_times_out_and_is_hung_up(servers):
    grade.begin()
    silent = await servers(None)
    result = await tcpcheck.check("127.0.0.1", silent.port, b"SSH-", timeout=0.1)
    grade.observe(port=silent.port, row=_row(result), hung_up=await silent.all_hung_up())


@pytest.mark.asyncio
async def test_refused_port_is_down():
    grade.begin()
    port = closed_port()
    grade.observe(port=port, row=_row(await tcpcheck.check("127.0.0.1", port)))


@pytest.mark.asyncio
async def test_check_all_leaves_every_connection_closed(servers):
    given = grade.begin()
    ssh = await servers(b"SSH-2.0-OpenSSH_9.2\r\n")
    ftp = await servers(b"220 ftp ready\r\n")
    ports = {"ssh": ssh.port, "ftp": ftp.port}
    results = await tcpcheck.check_all([("127.0.0.1", ports[key], b"SSH-") for key in given["order"]])
    grade.observe(ups=[r.up for r in results], served=[ssh.served, ftp.served],
                  hung_up=await ssh.all_hung_up() and await ftp.all_hung_up())
