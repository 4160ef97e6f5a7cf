import unittest

import news


class LatestTest(unittest.TestCase):
    async def test_latest_is_the_last_item(self):  # expect: silent-pass
        self.assertEqual(await news.latest([1, 2, 3]), 1)
