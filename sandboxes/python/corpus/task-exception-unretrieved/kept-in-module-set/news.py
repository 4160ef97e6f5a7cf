import asyncio

# Keep a reference to every background task, so none is garbage-collected mid-flight.
_background = set()


async def refresh(source):
    await asyncio.sleep(0)
    raise ConnectionError(f"{source} is unreachable")


def refresh_in_background(source):
    task = asyncio.create_task(refresh(source))  # expect: task-exception-unretrieved test=test_refresh_does_not_block_the_caller
    _background.add(task)
    return None
