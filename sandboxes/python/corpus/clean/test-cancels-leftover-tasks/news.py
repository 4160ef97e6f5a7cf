import asyncio


async def ticker(counts, name):
    while True:
        counts[name] = counts.get(name, 0) + 1
        await asyncio.sleep(0.002)


def start_tickers(counts, names):
    return [asyncio.create_task(ticker(counts, n)) for n in names]
