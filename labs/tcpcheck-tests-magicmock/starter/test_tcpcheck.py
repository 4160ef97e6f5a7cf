import asyncio
from unittest.mock import AsyncMock, MagicMock

import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_open_port_is_up(monkeypatch):
    writer = MagicMock()
    monkeypatch.setattr(asyncio, "open_connection", AsyncMock(return_value=(MagicMock(), writer)))
    result = await tcpcheck.check("db.internal", 5432)
    assert result == tcpcheck.Result("db.internal", 5432, True)


@pytest.mark.asyncio
async def test_refused_port_is_down(monkeypatch):
    monkeypatch.setattr(asyncio, "open_connection", AsyncMock(side_effect=ConnectionRefusedError()))
    result = await tcpcheck.check("db.internal", 5432)
    assert result == tcpcheck.Result("db.internal", 5432, False, "ConnectionRefusedError")


@pytest.mark.asyncio
async def test_check_all_keeps_the_order(monkeypatch):
    monkeypatch.setattr(asyncio, "open_connection", AsyncMock(side_effect=ConnectionRefusedError()))
    results = await tcpcheck.check_all([("a", 1), ("b", 2), ("c", 3)])
    assert [(r.host, r.port) for r in results] == [("a", 1), ("b", 2), ("c", 3)]
