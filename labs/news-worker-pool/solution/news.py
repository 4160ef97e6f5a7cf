"""news.py: fetch many sources with a fixed pool of workers fed by a queue.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles,
or raises SourceError when the source is down. A source that is down is reported, not fatal.
"""
import asyncio

WORKERS = 3


class SourceError(Exception):
    pass


async def worker(queue, headlines, failed):
    while True:
        source = await queue.get()
        try:
            headlines[source.name] = await source.fetch()
        except SourceError:
            failed.add(source.name)
        finally:
            queue.task_done()


async def fetch_all(sources, workers=WORKERS):
    """Fetch every source, `workers` at a time.

    Returns (headlines, failed): a dict source name -> titles for the sources that answered, and
    a list of the names of the sources that were down, both in the order the sources were given.
    """
    queue = asyncio.Queue()
    for source in sources:
        queue.put_nowait(source)
    headlines, failed = {}, set()
    pool = [asyncio.create_task(worker(queue, headlines, failed)) for _ in range(workers)]
    await queue.join()
    for task in pool:
        task.cancel()
    await asyncio.gather(*pool, return_exceptions=True)
    answered = {s.name: headlines[s.name] for s in sources if s.name in headlines}
    return answered, [s.name for s in sources if s.name in failed]
