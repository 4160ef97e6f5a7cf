import asyncio


class Cache:
    def __init__(self):
        self.data = {}

    async def get_or_fetch(self, key, fetch):
        if key not in self.data:
            self.data[key] = await fetch(key)
        return self.data[key]
