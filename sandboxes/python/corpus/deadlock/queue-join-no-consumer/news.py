import asyncio


async def worker(queue, results):
    while True:
        url = await queue.get()
        results.append(url.upper())
        queue.task_done()


async def crawl(urls):
    queue, results = asyncio.Queue(), []
    for url in urls:
        queue.put_nowait(url)
    workers = []  # forgot: asyncio.create_task(worker(queue, results))
    await queue.join()  # expect: deadlock
    for w in workers:
        w.cancel()
    return results
