import asyncio

background = []


def start_background(coro):
    task = asyncio.get_running_loop().create_task(coro)  # expect: task-exception-unretrieved
    background.append(task)
    return task


async def index(source):
    await asyncio.sleep(0)
    raise KeyError(source)


async def publish(source):
    start_background(index(source))
    await asyncio.sleep(0.01)
    background.clear()
    return True
