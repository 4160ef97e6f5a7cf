import pytest

from news import fetch_many


@pytest.mark.asyncio
async def test_first_fetch():
    assert len(await fetch_many(["bbc", "npr"])) == 2


@pytest.mark.asyncio
async def test_second_fetch():
    assert len(await fetch_many(["ap", "reuters"])) == 2
