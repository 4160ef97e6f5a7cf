import pytest

from news import fetch_with_backoff


@pytest.mark.asyncio
async def test_second_attempt_succeeds():
    assert await fetch_with_backoff("bbc") == "bbc headline"
