import unittest

import news


class LatestTest(unittest.TestCase):
    async def test_latest_is_the_last_item(self):  # expect: silent-pass test=test_latest_is_the_last_item
        self.assertEqual(await news.latest([1, 2, 3]), 1)
