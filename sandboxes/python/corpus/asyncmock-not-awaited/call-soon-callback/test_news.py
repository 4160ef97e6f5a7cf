from unittest.mock import AsyncMock

import pytest

from news import Publisher


@pytest.mark.asyncio
async def test_publish_notifies():
    notifier = AsyncMock()
    publisher = Publisher(notifier)
    await publisher.publish("Rain")
    assert publisher.published == ["Rain"]
    assert notifier.send.call_count == 1
