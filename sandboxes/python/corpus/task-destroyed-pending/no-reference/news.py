import asyncio

latest = {}


async def poll(source):
    while True:
        latest[source] = f"{source} headline"
        await asyncio.sleep(0.05)


async def start_polling(sources):
    for source in sources:
        asyncio.create_task(poll(source))  # expect: task-destroyed-pending
    await asyncio.sleep(0)
