"""tcpcheck.py: check many host:port pairs at once, optionally checking each service's greeting.

    await check_all([("mail.example", 25, b"220 "), ("git.example", 22, b"SSH-"), ("db", 5432, b"")])

A port is up when a TCP connection opens within the timeout and, if a greeting is expected, the
first line the service sends starts with it. A check leaves no connection open behind it.
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


async def check(host, port, expect=b"", timeout=TIMEOUT):
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
            greeting = await reader.readline() if expect else b""
    except (OSError, TimeoutError) as exc:
        return Result(host, port, False, type(exc).__name__)
    if not greeting.startswith(expect):
        return Result(host, port, False, f"unexpected greeting {greeting[:40]!r}")
    writer.close()
    await writer.wait_closed()
    return Result(host, port, True, greeting.decode(errors="replace").strip())


async def check_all(targets, timeout=TIMEOUT):
    """Check every (host, port, expect) concurrently; returns the Results in the order given."""
    connections = asyncio.Semaphore(MAX_CONNECTIONS)

    async def limited(host, port, expect):
        async with connections:
            return await check(host, port, expect, timeout)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(limited(*target)) for target in targets]
    return [task.result() for task in tasks]
