import asyncio
import socket
import time

import pytest
import pytest_asyncio

import tcpcheck


class Service:
    def __init__(self, banner=b"", drip=False, delay=0.0):
        self.banner, self.drip, self.delay = banner, drip, delay
        self.open_connections = 0
        self._handlers = []

    async def handle(self, reader, writer):
        self.open_connections += 1
        self._handlers.append(asyncio.current_task())
        try:
            await asyncio.sleep(self.delay)
            if self.drip:
                while True:
                    writer.write(b"x")
                    await writer.drain()
                    await asyncio.sleep(0.01)
            writer.write(self.banner)
            await writer.drain()
            await reader.read()
        except ConnectionError:
            pass
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
        for task in self._handlers:
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)

    async def all_hung_up(self, within=0.5):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while self.open_connections and loop.time() < deadline:
            await asyncio.sleep(0.005)
        return self.open_connections == 0


@pytest_asyncio.fixture
async def services():
    started = []

    async def make(**kwargs):
        service = await Service(**kwargs).start()
        started.append(service)
        return service

    yield make
    for service in started:
        await service.stop()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.asyncio
async def test_one_tarpit_does_not_hold_up_the_others(services):
    tarpit = await services(drip=True)
    mail = await services(banner=b"220 mail ready\r\n")
    started = time.perf_counter()
    results = await tcpcheck.check_all([("127.0.0.1", tarpit.port), ("127.0.0.1", mail.port)], timeout=0.2)
    assert time.perf_counter() - started < 0.5
    assert [r.up for r in results] == [False, True]
    assert results[1].detail == "220 mail ready"


@pytest.mark.asyncio
async def test_the_tarpit_connection_is_closed(services):
    tarpit = await services(drip=True)
    await tcpcheck.grab_banner("127.0.0.1", tarpit.port, timeout=0.1)
    assert await tarpit.all_hung_up()


@pytest.mark.asyncio
async def test_a_slow_but_honest_service_within_the_timeout(services):
    slow = await services(banner=b"SSH-2.0-slow\r\n", delay=0.1)
    result = await tcpcheck.grab_banner("127.0.0.1", slow.port, timeout=0.5)
    assert result.up and result.detail == "SSH-2.0-slow"
    assert await slow.all_hung_up()


@pytest.mark.asyncio
async def test_the_deadline_covers_the_whole_check(services):
    # 0.15 s before the banner starts, then it never ends: the 0.2 s budget is for both
    tarpit = await services(drip=True, delay=0.15)
    started = time.perf_counter()
    result = await tcpcheck.grab_banner("127.0.0.1", tarpit.port, timeout=0.2)
    assert not result.up
    assert time.perf_counter() - started < 0.35


@pytest.mark.asyncio
async def test_refused_port():
    port = closed_port()
    assert await tcpcheck.grab_banner("127.0.0.1", port) == tcpcheck.Result("127.0.0.1", port, False, "ConnectionRefusedError")
