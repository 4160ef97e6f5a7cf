import socket
import threading
import time

import pytest

import tcpcheck


@pytest.fixture
def slow_reader():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve():
        conn, _ = listener.accept()
        time.sleep(1)  # never reads: the client's buffer cannot drain before the test ends
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()


@pytest.mark.asyncio
async def test_upload_reports_size(slow_reader):
    assert await tcpcheck.upload("127.0.0.1", slow_reader) == len(tcpcheck.PAYLOAD)
