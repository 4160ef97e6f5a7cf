import asyncio


class Publisher:
    def __init__(self, notifier):
        self.notifier = notifier
        self.published = []

    async def publish(self, headline):
        self.published.append(headline)
        loop = asyncio.get_running_loop()
        loop.call_soon(self.notifier.send, headline)  # expect: asyncmock-not-awaited
        await asyncio.sleep(0.01)
