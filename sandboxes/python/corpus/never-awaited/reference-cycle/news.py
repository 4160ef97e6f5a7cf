import asyncio


async def download(url):
    await asyncio.sleep(0)
    return url


class Job:
    def __init__(self, url):
        self.url = url
        self.work = download(url)  # expect: never-awaited
        self.me = self  # a reference cycle: only the garbage collector frees this Job


async def run_jobs(urls):
    for url in urls:
        Job(url)
    await asyncio.sleep(0)
    return len(urls)
