import pytest

from news import load_with_heartbeat


@pytest.mark.asyncio
async def test_load():
    data, beats = await load_with_heartbeat('{"a": 1}')
    assert data == {"a": 1}
    assert len(beats) == 3
