import pytest

from news import first_headline


@pytest.mark.asyncio
async def test_first_headline():
    assert await first_headline(["a", "b"]) == "a"
