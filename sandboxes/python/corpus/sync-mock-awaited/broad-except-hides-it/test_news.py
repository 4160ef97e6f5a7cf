from unittest.mock import MagicMock

import pytest

from news import headline_or_none


@pytest.mark.asyncio
async def test_unreachable_source_gives_none():
    client = MagicMock()  # expect: sync-mock-awaited
    client.get.return_value = {"title": "Rain"}
    # Passes: the TypeError from awaiting the MagicMock is caught as "unreachable".
    assert await headline_or_none(client, "bbc") in ("Rain", None)
