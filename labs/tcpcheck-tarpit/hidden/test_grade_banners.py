"""Hidden checks' drivers: they run tcpcheck.py with this run's inputs and report what they saw.
The expected values live in judge_banners.py, which only the sandbox's supervisor reads."""
import asyncio
import socket

import pytest
import pytest_asyncio

import tcpcheck
from asynclab_harness import grade


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


def _row(result):
    return [result.host, result.port, result.up, result.detail, type(result) is tcpcheck.Result]


@pytest.mark.asyncio
async def test_one_tarpit_does_not_hold_up_the_others(services):
    given = grade.begin()
    tarpit = await services(drip=True)
    mail = await services(banner=given["banner"].encode())
    results = await tcpcheck.check_all([("127.0.0.1", tarpit.port), ("127.0.0.1", mail.port)], timeout=0.2)
    grade.observe(ups=[r.up for r in results], details=[r.detail for r in results])


@pytest.mark.asyncio
async def test_the_tarpit_connection_is_closed(services):
    grade.begin()
    tarpit = await services(drip=True)
    await tcpcheck.grab_banner("127.0.0.1", tarpit.port, timeout=0.1)
    grade.observe(hung_up=await tarpit.all_hung_up())


@pytest.mark.asyncio
async def test_a_slow_but_honest_service_within_the_timeout(services):
    given = grade.begin()
    slow = await services(banner=given["banner"].encode(), delay=0.1)
    result = await tcpcheck.grab_banner("127.0.0.1", slow.port, timeout=0.5)
    grade.observe(up=result.up, detail=result.detail, hung_up=await slow.all_hung_up())


@pytest.mark.asyncio
async def test_the_deadline_covers_the_whole_check(services):
    # 0.15 s before the banner starts, then it never ends: the 0.2 s budget is for both
    grade.begin()
    tarpit = await services(drip=True, delay=0.15)
    result = await tcpcheck.grab_banner("127.0.0.1", tarpit.port, timeout=0.2)
    grade.observe(up=result.up)


@pytest.mark.asyncio
async def test_refused_port():
    grade.begin()
    port = closed_port()
    grade.observe(port=port, row=_row(await tcpcheck.grab_banner("127.0.0.1", port)))
