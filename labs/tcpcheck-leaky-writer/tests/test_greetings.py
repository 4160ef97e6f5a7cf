import asyncio

import pytest
import pytest_asyncio

import tcpcheck


class GreetingServer:
    """A local service that sends `greeting` (if any), then waits for the client to hang up."""

    def __init__(self, greeting):
        self.greeting = greeting
        self.open_connections = 0
        self._writers, self._handlers = [], []

    async def handle(self, reader, writer):
        self.open_connections += 1
        self._writers.append(writer)
        self._handlers.append(asyncio.current_task())
        try:
            if self.greeting is not None:
                writer.write(self.greeting)
                await writer.drain()
            await reader.read()  # returns b"" once the client closes its end
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
        """True once every client connection has been closed by the client."""
        deadline = asyncio.get_running_loop().time() + within
        while self.open_connections and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.005)
        return self.open_connections == 0


@pytest_asyncio.fixture
async def smtp():
    server = await GreetingServer(b"220 mail.example ESMTP ready\r\n").start()
    yield server
    await server.stop()


@pytest.mark.asyncio
async def test_expected_greeting_is_up(smtp):
    result = await tcpcheck.check("127.0.0.1", smtp.port, b"220 ")
    assert result == tcpcheck.Result("127.0.0.1", smtp.port, True, "220 mail.example ESMTP ready")
    assert await smtp.all_hung_up()


@pytest.mark.asyncio
async def test_wrong_greeting_is_down_and_hung_up(smtp):
    result = await tcpcheck.check("127.0.0.1", smtp.port, b"SSH-")
    assert not result.up
    assert result.detail.startswith("unexpected greeting")
    assert await smtp.all_hung_up()
