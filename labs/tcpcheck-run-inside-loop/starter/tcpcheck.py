"""tcpcheck.py: which ports of a host accept connections?

It started life as a blocking script. `is_open()` is what the old command line and the cron
jobs call, from ordinary synchronous code; `open_ports()` is the new async API.
"""
import asyncio

TIMEOUT = 1.0


async def check(host, port, timeout=TIMEOUT):
    """True when a TCP connection to host:port opens within `timeout`."""
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError):
        return False
    writer.close()
    await writer.wait_closed()
    return True


def is_open(host, port, timeout=TIMEOUT):
    """For synchronous callers: True when host:port accepts connections."""
    return asyncio.run(check(host, port, timeout))


async def open_ports(host, ports, timeout=TIMEOUT):
    """The ports of `host` that accept connections, checked concurrently, in the order given."""
    return [port for port in ports if is_open(host, port, timeout)]
