from unittest.mock import MagicMock

import pytest

import tcpcheck


def make_probe():
    probe = MagicMock(spec_set=["ping"])  # expect: sync-mock-awaited
    probe.ping.return_value = None
    return probe


@pytest.mark.asyncio
async def test_health_all_names_every_target():
    report = await tcpcheck.health_all(make_probe(), [("db", 5432), ("cache", 6379)])
    assert set(report) == {("db", 5432), ("cache", 6379)}
