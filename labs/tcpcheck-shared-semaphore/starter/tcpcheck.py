"""tcpcheck.py: check many host:port pairs at once, at most MAX_CONNECTIONS connections at a time.

    results = asyncio.run(check_all([("example.org", 443), ("localhost", 5432)]))

A port is up when a TCP connection to it opens within the timeout.
"""
import asyncio
from dataclasses import dataclass

MAX_CONNECTIONS = 4
TIMEOUT = 1.0

_connections = asyncio.Semaphore(MAX_CONNECTIONS)


@dataclass(frozen=True)
class Result:
    host: str
    port: int
    up: bool
    detail: str = ""


async def check(host, port, timeout=TIMEOUT):
    async with _connections:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port)
        except (OSError, TimeoutError) as exc:
            return Result(host, port, False, type(exc).__name__)
        writer.close()
        await writer.wait_closed()
        return Result(host, port, True)


async def check_all(targets, timeout=TIMEOUT):
    """Check every (host, port) concurrently; returns the Results in the order given."""
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(check(host, port, timeout)) for host, port in targets]
    return [task.result() for task in tasks]
