import asyncio


async def worker(queue, results):
    while True:
        url = await queue.get()
        try:
            await asyncio.sleep(0.005)
            results.append(url.upper())
        finally:
            queue.task_done()


async def crawl(urls, n_workers=3):
    queue, results = asyncio.Queue(), []
    for url in urls:
        queue.put_nowait(url)
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(n_workers)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return sorted(results)
