import asyncio


async def checker(queue, results):
    while True:
        host, port = await queue.get()
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            results[(host, port)] = False
        else:
            writer.close()
            await writer.wait_closed()
            results[(host, port)] = True
        finally:
            queue.task_done()
