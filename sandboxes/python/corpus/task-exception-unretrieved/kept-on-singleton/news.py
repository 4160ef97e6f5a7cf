import asyncio


class Scheduler:
    """Runs jobs in the background and remembers them, to report on them later."""

    def __init__(self):
        self.jobs = {}

    def submit(self, name, coro):
        self.jobs[name] = asyncio.get_running_loop().create_task(coro)  # expect: task-exception-unretrieved

    def running(self):
        return [name for name, job in self.jobs.items() if not job.done()]


scheduler = Scheduler()


async def count_words(text):
    await asyncio.sleep(0)
    return len(text.split()) / len(text)  # ZeroDivisionError on an empty story
