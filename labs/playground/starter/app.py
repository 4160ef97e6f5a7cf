"""A small starting point. Replace it with your own code, or add files next to it."""
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)  # stands in for a network call
    return f"{name}: ok"


async def fetch_all(names, delay=0.01):
    """Fetch every name concurrently; results in the order given."""
    return await asyncio.gather(*(fetch(name, delay) for name in names))
