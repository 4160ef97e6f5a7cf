import asyncio
import time


class Inbox:
    def __init__(self):
        self.messages = []

    async def deliver_later(self, message, delay):
        await asyncio.sleep(delay)
        self.messages.append(message)

    async def next_message(self, timeout=0.3, interval=0.005):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.messages:
                return self.messages.pop(0)
            await asyncio.sleep(interval)
        return None

    async def next_message_or_tick(self, interval=0.005):
        """Waits for a message, but never longer than one tick: the sleep is made first and
        raced against the courier, then awaited or cancelled."""
        tick = asyncio.ensure_future(asyncio.sleep(interval))
        while not self.messages and not tick.done():
            await asyncio.sleep(0)
        tick.cancel()
        return self.messages.pop(0) if self.messages else None
