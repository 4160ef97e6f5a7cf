import pytest

from news import fetch_all


async def check_headlines(result, expected_sources):
    assert sorted(result) == sorted(expected_sources)
    assert all(result.values())


@pytest.mark.asyncio
async def test_fetch_all_covers_every_source():
    result = await fetch_all(["bbc"])
    check_headlines(result, ["bbc", "npr"])  # expect: silent-pass
