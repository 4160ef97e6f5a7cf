import time

import pytest

import app


@pytest.mark.asyncio  # pytest-asyncio runs in strict mode: async tests need this marker
async def test_fetch_all_keeps_the_order():
    assert await app.fetch_all(["wire", "blog", "radio"]) == ["wire: ok", "blog: ok", "radio: ok"]


@pytest.mark.asyncio
async def test_fetch_all_is_concurrent():
    started = time.perf_counter()
    await app.fetch_all(["a", "b", "c", "d"], delay=0.05)
    assert time.perf_counter() - started < 0.15
