import asyncio


async def banner(pool, host, port):
    async with pool.connection(host, port) as conn:
        return await conn.read_line()


async def banners(pool, targets):
    return await asyncio.gather(*(banner(pool, h, p) for h, p in targets))
