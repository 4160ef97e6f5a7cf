import pytest

from news import Feed


class TestFeed:
    def test_holds_items(self):
        assert Feed([1, 2]).items == [1, 2]

    async def test_latest_is_last_item(self):  # expect: silent-pass
        assert await Feed([1, 2]).latest() == 1
