import unittest

import news


class TestLatest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.feed = [1, 2, 3]

    async def test_latest_is_the_last_item(self):
        self.assertEqual(await news.latest(self.feed), 3)

    def test_feed_is_a_list(self):
        self.assertIsInstance([1], list)


class HelperTest(unittest.TestCase):
    def test_runs_the_coroutine_itself(self):
        import asyncio
        self.assertEqual(asyncio.run(news.latest([4, 5])), 5)
