import asyncio

import pytest

from tcpcheck import Monitor


@pytest.mark.asyncio
async def test_monitor_marks_targets():
    monitor = Monitor([("127.0.0.1", 1)]).start()
    await asyncio.sleep(0.01)
    assert monitor.status[("127.0.0.1", 1)] == "unknown"
