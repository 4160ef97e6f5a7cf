import asyncio


async def slow_handshake():
    try:
        await asyncio.sleep(1)
        return "ok"
    except asyncio.CancelledError:  # expect: cancellation-swallowed
        return "partial"


async def handshake(timeout):
    try:
        return await asyncio.wait_for(slow_handshake(), timeout)
    except TimeoutError:
        return "timed out"
