# The reader task starts, is paused inside gather when the test returns, and is destroyed with the
# coroutines it made: one silent-pass for the checks that never ran, not also a never-awaited for
# the coroutines created inside it.
import asyncio

import pytest

import news


@pytest.mark.asyncio
async def test_readers_get_their_headlines():
    async def reader():
        headlines = await news.fetch_all(["a", "b"])
        assert headlines == ["a: headline", "b: headline"]

    asyncio.create_task(reader())  # expect: silent-pass
