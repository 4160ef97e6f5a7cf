from unittest.mock import AsyncMock

import pytest

from news import Importer, Publisher


@pytest.mark.asyncio
async def test_every_line_is_awaited():
    handler = AsyncMock()
    await Importer(handler).run("a\nb\n")
    assert handler.await_count == 2


@pytest.mark.asyncio
async def test_callback_starts_a_task():
    notifier = AsyncMock()
    await Publisher(notifier).publish("Rain")
    notifier.send.assert_awaited_once_with("Rain")
