"""news.py: fetch headlines from several sources at once, retrying flaky ones.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles
and raises SourceError when the source has a bad moment.
"""
import asyncio
import time

RETRIES = 3        # attempts per source
BACKOFF = 0.12     # seconds to wait before the second attempt; doubles after each failure


class SourceError(Exception):
    pass


async def fetch_with_retry(source):
    delay = BACKOFF
    for attempt in range(1, RETRIES + 1):
        try:
            return await source.fetch()
        except SourceError:
            if attempt == RETRIES:
                raise
            time.sleep(delay)
            delay *= 2


async def fetch_all(sources):
    """Fetch every source concurrently.

    Returns (headlines, failed): a dict source name -> titles for the sources that answered,
    in the order given, and the names of the sources that failed every attempt.
    """
    results = await asyncio.gather(*(fetch_with_retry(s) for s in sources), return_exceptions=True)
    headlines, failed = {}, []
    for source, result in zip(sources, results):
        if isinstance(result, SourceError):
            failed.append(source.name)
        elif isinstance(result, BaseException):
            raise result
        else:
            headlines[source.name] = result
    return headlines, failed
