import asyncio


async def notify(subscriber, headline):
    await asyncio.sleep(0)
    raise TimeoutError(f"{subscriber} did not answer")


async def fan_out(headline, subscribers):
    for s in subscribers:
        asyncio.create_task(notify(s, headline))  # expect: task-exception-unretrieved
    await asyncio.sleep(0)


async def publish(headline, subscribers):
    task = asyncio.create_task(fan_out(headline, subscribers))
    await task
    await asyncio.sleep(0.01)
    return headline
