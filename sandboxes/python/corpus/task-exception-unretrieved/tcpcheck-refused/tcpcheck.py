import asyncio


async def check(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.close()
    await writer.wait_closed()
    return True


async def start_checks(targets):
    pending = []
    for host, port in targets:
        pending.append(asyncio.create_task(check(host, port)))  # expect: task-exception-unretrieved
    await asyncio.sleep(0.05)
    return len(pending)
