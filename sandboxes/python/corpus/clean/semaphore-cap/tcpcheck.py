import asyncio


async def check(host, port, sem, stats):
    async with sem:
        stats["now"] += 1
        stats["max"] = max(stats["max"], stats["now"])
        try:
            async with asyncio.timeout(0.5):
                reader, writer = await asyncio.open_connection(host, port)
            writer.close()
            await writer.wait_closed()
            return True
        except OSError:
            return False
        finally:
            stats["now"] -= 1


async def check_all(targets, limit):
    sem = asyncio.Semaphore(limit)
    stats = {"now": 0, "max": 0}
    results = await asyncio.gather(*(check(h, p, sem, stats) for h, p in targets))
    return results, stats["max"]
