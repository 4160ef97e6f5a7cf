"""A synchronous SDK called from async code through worker threads, many times in a row.

Each `to_thread` hands a job to an executor worker that was parked a moment ago: a regression
case for the deadlock detector, which once judged the loop stuck while the worker still looked
parked but had already taken the job.
"""
import asyncio
import time


def fetch_titles_blocking(source):
    time.sleep(0.001)
    return [f"{source}: headline"]


async def fetch_all(sources):
    titles = []
    for source in sources:
        titles += await asyncio.to_thread(fetch_titles_blocking, source)
    return titles
