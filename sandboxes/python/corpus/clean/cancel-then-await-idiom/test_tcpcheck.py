import asyncio

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_heartbeat_runs_alongside():
    result, beat = await tcpcheck.with_heartbeat(asyncio.sleep(0.02, result="done"))
    assert result == "done" and beat


@pytest.mark.asyncio
async def test_heartbeat_try_form():
    assert await tcpcheck.with_heartbeat_try(asyncio.sleep(0.01, result=5)) == 5
