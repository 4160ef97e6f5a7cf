import asyncio

RETRY_DELAY = 60  # seconds: meant to be 0.060


async def fetch_with_backoff(source, attempts=2):
    for attempt in range(attempts):
        if attempt:
            await asyncio.sleep(RETRY_DELAY)  # expect: timeout
        if attempt == attempts - 1:
            return f"{source} headline"
