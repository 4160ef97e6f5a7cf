"""news.py: fetch headlines through a vendor's SDK, at most MAX_CONCURRENT requests at a time.

The vendor ships only a synchronous client: `client.get(url)` returns a list of titles and keeps
its thread busy for the whole HTTP round trip. It is safe to call from several threads at once.

Every request must carry the trace id of the fetch_all() run it belongs to: the SDK's logging
hook reads `news.trace_id` (a ContextVar) at the moment it sends a request.
"""
import asyncio
import contextvars
import itertools

MAX_CONCURRENT = 3

trace_id = contextvars.ContextVar("trace_id", default=None)
_runs = itertools.count(1)


async def fetch(client, url, limit):
    async with limit:
        titles = client.get(url)
    return url, titles


async def fetch_all(client, urls):
    """Fetch every url concurrently, never more than MAX_CONCURRENT at a time.

    The whole run gets one new trace id. Returns a dict url -> titles, in the order given.
    """
    token = trace_id.set(f"run-{next(_runs)}")
    try:
        limit = asyncio.Semaphore(MAX_CONCURRENT)
        pairs = await asyncio.gather(*(fetch(client, url, limit) for url in urls))
        return dict(pairs)
    finally:
        trace_id.reset(token)
