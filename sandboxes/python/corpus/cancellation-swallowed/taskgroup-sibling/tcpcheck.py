import asyncio


async def check(host, port):
    try:
        await asyncio.sleep(0.05)
        return True
    except BaseException:  # expect: cancellation-swallowed
        return False


async def failing_check():
    await asyncio.sleep(0.01)
    raise ConnectionRefusedError("127.0.0.1:1")


async def check_all():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(check("127.0.0.1", 80))
        tg.create_task(failing_check())
