import asyncio
import socket


async def is_open(host, port):
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # expect: unclosed-resource
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, (host, port))
    except OSError:
        return False
    return True
