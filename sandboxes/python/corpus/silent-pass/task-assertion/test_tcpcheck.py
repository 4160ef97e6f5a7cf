import asyncio
import socket

import pytest

import tcpcheck


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def expect_up(port):
    assert await tcpcheck.probe("127.0.0.1", port) is True


@pytest.mark.asyncio
async def test_checks_run_in_background():
    # The check runs in a task the test never awaits: its failing assert is lost.
    asyncio.create_task(expect_up(closed_port()))  # expect: silent-pass
    await asyncio.sleep(0.05)
