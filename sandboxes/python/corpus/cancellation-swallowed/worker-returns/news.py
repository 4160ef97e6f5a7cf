import asyncio


async def fetch_forever(source, out):
    try:
        while True:
            out.append(source)
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:  # expect: cancellation-swallowed
        return len(out)
