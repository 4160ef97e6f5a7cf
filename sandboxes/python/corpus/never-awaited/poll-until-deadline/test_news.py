import asyncio

import pytest

from news import Inbox


@pytest.mark.asyncio
async def test_next_message_returns_or_gives_up():
    inbox = Inbox()
    courier = asyncio.create_task(inbox.deliver_later("hello", 0.05))
    assert await inbox.next_message() in ("hello", None)
    await courier
