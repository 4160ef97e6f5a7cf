import asyncio
import logging

log = logging.getLogger("news")
_background = set()
failures = []


async def refresh(source):
    await asyncio.sleep(0)
    raise ConnectionError(f"{source} is unreachable")


def _log_failure(task):
    if not task.cancelled() and task.exception() is not None:
        failures.append(repr(task.exception()))


def refresh_in_background(source):
    task = asyncio.create_task(refresh(source))
    _background.add(task)
    task.add_done_callback(_log_failure)


class Scheduler:
    def __init__(self):
        self.jobs = []

    def submit(self, coro):
        self.jobs.append(asyncio.create_task(coro))

    async def results(self):
        return await asyncio.gather(*self.jobs, return_exceptions=True)


scheduler = Scheduler()
