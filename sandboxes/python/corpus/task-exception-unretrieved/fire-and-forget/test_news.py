import asyncio

import pytest

from news import headline


@pytest.mark.asyncio
async def test_headline_falls_back():
    assert await headline("bbc") == "no news"
    await asyncio.sleep(0.01)
