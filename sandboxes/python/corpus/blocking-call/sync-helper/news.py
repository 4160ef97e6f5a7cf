import asyncio
import time


def polite_delay():
    # Rate limiting between requests, written for the threaded version of the fetcher.
    time.sleep(0.25)  # expect: blocking-call


async def fetch(source):
    polite_delay()
    await asyncio.sleep(0)
    return f"{source} headline"
