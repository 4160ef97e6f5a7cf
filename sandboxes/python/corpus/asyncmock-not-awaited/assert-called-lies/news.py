async def refresh(cache, key):
    cache.invalidate(key)  # expect: asyncmock-not-awaited
    return key
