from unittest.mock import AsyncMock, call

import pytest

import news

HEADLINES = [("wire", "Volcano erupts"), ("blog", "A recipe")]
BODY = "- Volcano erupts (wire)\n- A recipe (blog)"


def test_format_digest():
    assert news.format_digest(HEADLINES) == BODY


@pytest.mark.asyncio
async def test_the_digest_is_archived():
    archive, mailer = AsyncMock(), AsyncMock()
    await news.send_digest(HEADLINES, ["ada@example.org"], archive, mailer, "2024-05-01")
    archive.save.assert_called_once_with("2024-05-01", BODY)


@pytest.mark.asyncio
async def test_every_subscriber_gets_a_mail():
    archive, mailer = AsyncMock(), AsyncMock()
    subscribers = ["ada@example.org", "bob@example.org"]
    sent = await news.send_digest(HEADLINES, subscribers, archive, mailer, "2024-05-01")
    assert sent == 2
    mailer.send.assert_has_calls([
        call("ada@example.org", "Your news for 2024-05-01", BODY),
        call("bob@example.org", "Your news for 2024-05-01", BODY),
    ])
