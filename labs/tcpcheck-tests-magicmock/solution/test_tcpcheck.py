import asyncio
import time
from unittest.mock import AsyncMock, MagicMock

import pytest

import tcpcheck


def fake_writer():
    # spec= makes the StreamWriter's async methods (wait_closed, drain) AsyncMocks
    return MagicMock(spec=asyncio.StreamWriter)


@pytest.mark.asyncio
async def test_open_port_is_up(monkeypatch):
    writer = fake_writer()
    monkeypatch.setattr(asyncio, "open_connection", AsyncMock(return_value=(MagicMock(), writer)))
    result = await tcpcheck.check("db.internal", 5432)
    assert result == tcpcheck.Result("db.internal", 5432, True)
    writer.close.assert_called_once_with()
    writer.wait_closed.assert_awaited_once_with()


@pytest.mark.asyncio
async def test_refused_port_is_down(monkeypatch):
    monkeypatch.setattr(asyncio, "open_connection", AsyncMock(side_effect=ConnectionRefusedError()))
    result = await tcpcheck.check("db.internal", 5432)
    assert result == tcpcheck.Result("db.internal", 5432, False, "ConnectionRefusedError")


@pytest.mark.asyncio
async def test_a_port_that_never_answers_times_out(monkeypatch):
    async def never_connects(host, port):
        await asyncio.Event().wait()

    monkeypatch.setattr(asyncio, "open_connection", never_connects)
    started = time.perf_counter()
    result = await asyncio.wait_for(tcpcheck.check("blackhole", 80, timeout=0.05), 1)
    assert result == tcpcheck.Result("blackhole", 80, False, "TimeoutError")
    assert time.perf_counter() - started < 0.5


@pytest.mark.asyncio
async def test_check_all_keeps_the_order(monkeypatch):
    async def odd_ports_refuse(host, port):
        if port % 2:
            raise ConnectionRefusedError()
        return MagicMock(), fake_writer()

    monkeypatch.setattr(asyncio, "open_connection", odd_ports_refuse)
    results = await tcpcheck.check_all([("a", 1), ("b", 2), ("c", 3)])
    assert [(r.host, r.port, r.up) for r in results] == [("a", 1, False), ("b", 2, True), ("c", 3, False)]


@pytest.mark.asyncio
async def test_check_all_respects_the_limit(monkeypatch):
    stats = {"open": 0, "peak": 0}

    async def slow_open(host, port):
        stats["open"] += 1
        stats["peak"] = max(stats["peak"], stats["open"])
        await asyncio.sleep(0.01)
        writer = fake_writer()
        writer.wait_closed.side_effect = lambda: stats.__setitem__("open", stats["open"] - 1)
        return MagicMock(), writer

    monkeypatch.setattr(asyncio, "open_connection", slow_open)
    results = await tcpcheck.check_all([("h", p) for p in range(9)], limit=3)
    assert all(r.up for r in results)
    assert stats["peak"] == 3
