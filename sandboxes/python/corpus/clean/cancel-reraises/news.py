import asyncio


async def worker(log):
    try:
        while True:
            await asyncio.sleep(0.01)
            log.append("tick")
    except asyncio.CancelledError:
        log.append("cleanup")
        raise


async def run_briefly(log):
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0.03)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():
            raise
    return task.cancelled()
