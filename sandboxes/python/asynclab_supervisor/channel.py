"""The child's side of the conversation, read as hostile data.

One AF_UNIX stream socket; each message is one line of JSON. The child (and so learner code,
which shares its process) may send anything: every message is bounded, parsed defensively and
only ever read as data.
"""

import json
import socket

MESSAGE_LIMIT = 2 * 1024 * 1024   # the child's own report stays under 1 MiB
TOTAL_LIMIT = 16 * 1024 * 1024


class Channel:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buffer = b""
        self.received = 0
        self.overflow = None  # why reading stopped, when it did
        self.closed = False

    def fileno(self) -> int:
        return self.sock.fileno()

    def read(self) -> list:
        """Messages complete so far; call when the socket is readable."""
        if self.closed or self.overflow:
            return []
        try:
            chunk = self.sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return []
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return []
        self.received += len(chunk)
        if self.received > TOTAL_LIMIT:
            self.overflow = f"the test process sent more than {TOTAL_LIMIT // (1024 * 1024)} MiB to the harness"
            return []
        self.buffer += chunk
        messages = []
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            messages.append(_parse(line))
        if len(self.buffer) > MESSAGE_LIMIT:
            self.overflow = f"the test process sent a message over {MESSAGE_LIMIT // (1024 * 1024)} MiB"
            self.buffer = b""
        return [m for m in messages if m is not None]

    def send(self, message: dict) -> None:
        data = (json.dumps(message, ensure_ascii=True) + "\n").encode()
        try:
            self.sock.setblocking(True)
            self.sock.settimeout(2.0)  # a child that stops reading cannot stall the supervisor
            self.sock.sendall(data)
        except OSError:
            pass
        finally:
            self.sock.setblocking(False)


def _parse(line: bytes):
    try:
        value = json.loads(line.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
