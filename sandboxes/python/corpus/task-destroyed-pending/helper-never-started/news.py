import asyncio

sent = []


async def send_digest(address):
    await asyncio.sleep(0)
    sent.append(address)


def schedule_digest(address):
    return asyncio.get_running_loop().create_task(send_digest(address))  # expect: task-destroyed-pending


async def subscribe(address):
    schedule_digest(address)
    return "subscribed"
