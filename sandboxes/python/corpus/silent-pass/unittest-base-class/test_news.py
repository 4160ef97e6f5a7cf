from unittest import TestCase as Base

from news import Cache


class CacheTestBase(Base):
    def setUp(self):
        self.cache = Cache()
        self.calls = []

    async def fetch(self, key):
        self.calls.append(key)
        return key.upper()


class TestCache(CacheTestBase):
    def test_starts_empty(self):
        self.assertEqual(self.cache.data, {})

    async def test_fetches_once(self):  # expect: silent-pass
        await self.cache.get_or_fetch("a", self.fetch)
        await self.cache.get_or_fetch("a", self.fetch)
        self.assertEqual(self.calls, ["a", "a"])
