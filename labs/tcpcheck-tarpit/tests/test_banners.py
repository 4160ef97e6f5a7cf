import asyncio
import time

import pytest
import pytest_asyncio

import tcpcheck


class Service:
    """A local service. `drip` makes it a tarpit: it sends its banner one byte every 10 ms,
    and the banner never ends."""

    def __init__(self, banner=b"", drip=False):
        self.banner, self.drip = banner, drip
        self._writers, self._handlers = [], []

    async def handle(self, reader, writer):
        self._writers.append(writer)
        self._handlers.append(asyncio.current_task())
        try:
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


@pytest.mark.asyncio
async def test_banner_is_read(services):
    ssh = await services(banner=b"SSH-2.0-OpenSSH_9.2\r\n")
    result = await tcpcheck.grab_banner("127.0.0.1", ssh.port)
    assert result == tcpcheck.Result("127.0.0.1", ssh.port, True, "SSH-2.0-OpenSSH_9.2")


@pytest.mark.asyncio
async def test_a_tarpit_is_down_after_the_timeout(services):
    tarpit = await services(drip=True)
    started = time.perf_counter()
    result = await tcpcheck.grab_banner("127.0.0.1", tarpit.port, timeout=0.2)
    assert result == tcpcheck.Result("127.0.0.1", tarpit.port, False, "TimeoutError")
    assert time.perf_counter() - started < 0.5
