from unittest.mock import MagicMock

import pytest

from news import fetch_headline


@pytest.mark.asyncio
async def test_fetch_headline_reads_title():
    client = MagicMock()  # expect: sync-mock-awaited
    client.get.return_value = {"title": "Rain"}
    assert await fetch_headline(client, "bbc") == "Rain"
