import socket
import threading
import time

import pytest

import tcpcheck


@pytest.fixture
def slow_server():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve():
        conn, _ = listener.accept()
        time.sleep(0.3)
        conn.sendall(b"220 slow\n")
        conn.close()

    thread = threading.Thread(target=serve)
    thread.start()
    yield listener.getsockname()[1]
    thread.join()
    listener.close()


@pytest.mark.asyncio
async def test_banner(slow_server):
    assert await tcpcheck.banners([("127.0.0.1", slow_server)]) == [b"220 slow\n"]
