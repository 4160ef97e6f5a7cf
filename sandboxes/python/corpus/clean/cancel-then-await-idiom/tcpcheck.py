import asyncio
import contextlib


async def heartbeat(beats):
    while True:
        beats.append(1)
        await asyncio.sleep(0.005)


async def with_heartbeat(coro):
    beats = []
    task = asyncio.create_task(heartbeat(beats))
    try:
        return await coro, len(beats) > 0
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def with_heartbeat_try(coro):
    beats = []
    task = asyncio.create_task(heartbeat(beats))
    result = await coro
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    return result
