import pytest

import news

NOW = 1_700_000_000.0


class MemoryStore:
    def __init__(self, keys=()):
        self.keys = set(keys)

    async def contains(self, key):
        return key in self.keys

    async def add(self, key):
        self.keys.add(key)


class MemoryFeed:
    def __init__(self):
        self.posts = []

    async def post(self, headline):
        self.posts.append(headline.title)


@pytest.mark.asyncio
async def test_fresh_new_headline_is_published():
    headline = news.Headline("wire", "Volcano erupts", NOW - 60)
    assert news.should_publish(MemoryStore(), headline, NOW)


@pytest.mark.asyncio
async def test_old_headline_is_not_published():
    headline = news.Headline("wire", "Volcano erupts", NOW - 2 * 3600)
    assert await news.should_publish(MemoryStore(), headline, NOW) is False


@pytest.mark.asyncio
async def test_the_same_story_in_other_case_and_spacing_is_a_duplicate():
    store = MemoryStore({"wire:volcano erupts"})
    assert news.is_duplicate(store, news.Headline("wire", "  VOLCANO   Erupts ", NOW))


@pytest.mark.asyncio
async def test_an_unseen_story_is_not_a_duplicate():
    store = MemoryStore({"wire:volcano erupts"})
    assert not await news.is_duplicate(store, news.Headline("wire", "Flood warning", NOW))


@pytest.mark.asyncio
async def test_publish_new_posts_and_remembers():
    store, feed = MemoryStore(), MemoryFeed()
    headlines = [news.Headline("wire", "Volcano erupts", NOW), news.Headline("blog", "Recipe", NOW)]
    assert await news.publish_new(store, feed, headlines, NOW) == ["Volcano erupts", "Recipe"]
    assert feed.posts == ["Volcano erupts", "Recipe"]
    assert len(store.keys) == 2
