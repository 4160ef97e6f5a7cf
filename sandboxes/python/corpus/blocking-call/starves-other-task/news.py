import asyncio
import json
import time


def parse(raw):
    # Simulates a slow, synchronous parser.
    time.sleep(0.2)  # expect: blocking-call
    return json.loads(raw)


async def heartbeat(beats):
    for _ in range(3):
        beats.append(time.monotonic())
        await asyncio.sleep(0.01)


async def load(raw):
    await asyncio.sleep(0.005)
    return parse(raw)


async def load_with_heartbeat(raw):
    beats = []
    data, _ = await asyncio.gather(load(raw), heartbeat(beats))
    return data, beats
