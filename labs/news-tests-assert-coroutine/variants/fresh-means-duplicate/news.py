"""news.py: decide which fetched headlines to publish.

A headline is published when it is fresh (published at most MAX_AGE seconds ago) and not already
published. `store` remembers what was published: `await store.contains(key)`, `await store.add(key)`.
"""
from dataclasses import dataclass

MAX_AGE = 3600


@dataclass(frozen=True)
class Headline:
    source: str
    title: str
    published_at: float  # unix time


def key(headline):
    """The same story from the same source has the same key, whatever its case and spacing."""
    return f"{headline.source}:{' '.join(headline.title.split()).lower()}"


async def is_duplicate(store, headline):
    return await store.contains(key(headline))


async def should_publish(store, headline, now):
    if now - headline.published_at > MAX_AGE:
        return False
    return await is_duplicate(store, headline)


async def publish_new(store, feed, headlines, now):
    """Post each headline that should be published, once; returns the titles posted."""
    posted = []
    for headline in headlines:
        if await should_publish(store, headline, now):
            await feed.post(headline)
            await store.add(key(headline))
            posted.append(headline.title)
    return posted
