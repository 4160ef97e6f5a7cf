import asyncio


class Cache:
    def __init__(self):
        self._lock = asyncio.Lock()
        self._data = {}

    async def refresh(self, key):
        async with self._lock:  # expect: deadlock
            await asyncio.sleep(0)
            self._data[key] = f"{key} headline"

    async def get(self, key):
        async with self._lock:
            if key not in self._data:
                await self.refresh(key)
            return self._data[key]
