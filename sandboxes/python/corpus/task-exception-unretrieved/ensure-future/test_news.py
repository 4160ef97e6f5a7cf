import pytest

from news import save_all


@pytest.mark.asyncio
async def test_save_all():
    await save_all(["a", ""])
