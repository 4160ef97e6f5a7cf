import asyncio
import time


class Inbox:
    def __init__(self):
        self.messages = []

    async def deliver_later(self, message, delay):
        await asyncio.sleep(delay)
        self.messages.append(message)

    async def next_message(self, timeout=0.3, interval=0.01):
        """The first message to arrive within `timeout` seconds, else None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.messages:
                return self.messages.pop(0)
            pause = asyncio.sleep(interval)  # expect: never-awaited
        return None
