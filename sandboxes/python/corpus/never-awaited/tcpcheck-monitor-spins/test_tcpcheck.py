import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_monitor_checks_a_few_times():
    seen = []
    checks = await tcpcheck.monitor_for(lambda: seen.append(1), 0.05)
    assert 1 <= checks <= 10
