import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_first_run_stops():
    results = []
    await tcpcheck.run_for(0.03, results)
    assert results


@pytest.mark.asyncio
async def test_second_run_stops():
    results = []
    await tcpcheck.run_for(0.03, results)
    assert results
