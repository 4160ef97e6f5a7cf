import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck


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


@pytest.mark.asyncio
async def test_plain_port_without_greeting(servers):
    db = await servers(None)
    assert await tcpcheck.check("127.0.0.1", db.port) == tcpcheck.Result("127.0.0.1", db.port, True, "")
    assert await db.all_hung_up()


@pytest.mark.asyncio
async def test_wrong_greeting_detail(servers):
    web = await servers(b"HTTP/1.1 400 Bad Request\r\n")
    result = await tcpcheck.check("127.0.0.1", web.port, b"SSH-")
    assert result == tcpcheck.Result("127.0.0.1", web.port, False, "unexpected greeting b'HTTP/1.1 400 Bad Request\\r\\n'")
    assert await web.all_hung_up()


@pytest.mark.asyncio
async def test_silent_service_times_out_and_is_hung_up(servers):
    silent = await servers(None)
    result = await tcpcheck.check("127.0.0.1", silent.port, b"SSH-", timeout=0.1)
    assert result == tcpcheck.Result("127.0.0.1", silent.port, False, "TimeoutError")
    assert await silent.all_hung_up()


@pytest.mark.asyncio
async def test_refused_port_is_down():
    port = closed_port()
    assert await tcpcheck.check("127.0.0.1", port) == tcpcheck.Result("127.0.0.1", port, False, "ConnectionRefusedError")


@pytest.mark.asyncio
async def test_check_all_leaves_every_connection_closed(servers):
    ssh = await servers(b"SSH-2.0-OpenSSH_9.2\r\n")
    ftp = await servers(b"220 ftp ready\r\n")
    targets = [("127.0.0.1", ssh.port, b"SSH-"), ("127.0.0.1", ftp.port, b"SSH-")] * 5
    results = await tcpcheck.check_all(targets)
    assert [r.up for r in results] == [True, False] * 5
    assert ssh.served == ftp.served == 5
    assert await ssh.all_hung_up() and await ftp.all_hung_up()
