import asyncio

stop = asyncio.Event()  # expect: wrong-loop test=test_second_run_stops


async def watch(host, port, results):
    while not stop.is_set():
        results.append((host, port))
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.01)
        except TimeoutError:
            pass


async def run_for(seconds, results):
    task = asyncio.create_task(watch("127.0.0.1", 1, results))
    await asyncio.sleep(seconds)
    stop.set()
    await task
    stop.clear()
