"""tcpcheck.py: check many host:port pairs at once.

A port is up when a TCP connection to it opens within the timeout. Each check closes its
connection and waits until it is closed. check_all() opens at most `limit` connections at a time.
"""
import asyncio
from dataclasses import dataclass

MAX_CONNECTIONS = 10
TIMEOUT = 1.0


@dataclass(frozen=True)
class Result:
    host: str
    port: int
    up: bool
    detail: str = ""


async def check(host, port, timeout=TIMEOUT):
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError) as exc:
        return Result(host, port, False, type(exc).__name__)
    writer.close()
    await writer.wait_closed()
    return Result(host, port, True)


async def check_all(targets, limit=MAX_CONNECTIONS, timeout=TIMEOUT):
    """Check every (host, port) concurrently; returns the Results in the order given."""
    connections = asyncio.Semaphore(limit)

    async def limited(host, port):
        async with connections:
            return await check(host, port, timeout)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(limited(host, port)) for host, port in targets]
    return [task.result() for task in tasks]
