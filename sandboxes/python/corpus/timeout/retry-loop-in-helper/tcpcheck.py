import asyncio
import socket


def wait_until_open(host, port):
    while True:  # expect: timeout
        try:
            with socket.create_connection((host, port), timeout=0.01):
                return True
        except OSError:
            continue


async def check(host, port):
    await asyncio.sleep(0)
    return wait_until_open(host, port)
