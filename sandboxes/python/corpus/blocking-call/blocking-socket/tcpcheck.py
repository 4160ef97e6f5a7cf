import asyncio
import socket


async def banner(host, port):
    sock = socket.create_connection((host, port))  # expect: blocking-call
    try:
        return sock.recv(100)  # expect: blocking-call
    finally:
        sock.close()


async def banners(targets):
    return await asyncio.gather(*(banner(h, p) for h, p in targets))
