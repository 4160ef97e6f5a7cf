"""tcpcheck.py: grab the banner (the first line a service sends) of many host:port pairs at once.

    results = await check_all([("git.example", 22), ("mail.example", 25)])

A port is up when a connection opens and the service sends its first line, all within the
timeout. A check never takes much longer than its timeout, whatever the other end does, and
leaves no connection open behind it.
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


async def grab_banner(host, port, timeout=TIMEOUT):
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError) as exc:
        return Result(host, port, False, type(exc).__name__)
    try:
        banner = await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()
    return Result(host, port, True, banner.decode(errors="replace").strip())


async def check_all(targets, timeout=TIMEOUT):
    """Grab the banner of every (host, port) concurrently; returns the Results in the order given."""
    connections = asyncio.Semaphore(MAX_CONNECTIONS)

    async def limited(host, port):
        async with connections:
            return await grab_banner(host, port, timeout)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(limited(host, port)) for host, port in targets]
    return [task.result() for task in tasks]
