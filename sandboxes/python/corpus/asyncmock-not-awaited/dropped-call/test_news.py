from unittest.mock import AsyncMock

import pytest

from news import fetch_and_close


@pytest.mark.asyncio
async def test_returns_body():
    client = AsyncMock()
    client.get.return_value = "<html>"
    assert await fetch_and_close(client, "https://example.test") == "<html>"
