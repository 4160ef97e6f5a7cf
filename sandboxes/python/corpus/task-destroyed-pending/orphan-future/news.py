import asyncio


async def wait_for_reply(loop):
    reply = loop.create_future()  # nobody else holds this future, so nothing will resolve it
    return await reply


async def ask():
    loop = asyncio.get_running_loop()
    loop.create_task(wait_for_reply(loop))  # expect: task-destroyed-pending
    await asyncio.sleep(0)
    return "asked"
