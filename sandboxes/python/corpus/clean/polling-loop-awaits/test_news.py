import asyncio

import pytest

from news import Inbox


@pytest.mark.asyncio
async def test_message_arrives():
    inbox = Inbox()
    courier = asyncio.create_task(inbox.deliver_later("hello", 0.02))
    assert await inbox.next_message() == "hello"
    await courier


@pytest.mark.asyncio
async def test_one_tick_without_mail():
    assert await Inbox().next_message_or_tick() is None
