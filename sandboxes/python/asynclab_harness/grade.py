"""The child's end of the hidden checks (docs/lab-format.md, "Hidden checks").

A hidden test's driver asks the supervisor for this run's inputs and sends back what it
observed; the supervisor, outside this process, holds the expected values and decides:

    given = grade.begin()          # fresh inputs for the running test, from the supervisor
    ...                            # exercise the learner's code with them
    grade.observe(saved=..., n=...)  # plain JSON data; the judge compares it

Nothing here can make a check pass: it only carries data. Outside the sandbox (the harness's
own tests) there is no supervisor, and begin() fails the test.
"""

import json
import threading

_sock = [None]
_lock = threading.Lock()
_buffer = [b""]


class NoSupervisor(RuntimeError):
    pass


def connect(sock) -> None:
    sock.setblocking(True)
    _sock[0] = sock


def _current_test() -> str:
    from .context import harness
    if harness.current_test is None:
        raise NoSupervisor("grade.begin() is called from a running test only")
    return harness.current_test


def _send(message: dict) -> None:
    if _sock[0] is None:
        raise NoSupervisor("no supervisor: hidden checks are judged in the sandbox only")
    with _lock:
        _sock[0].sendall((json.dumps(message, ensure_ascii=False, default=repr) + "\n").encode("utf-8", "replace"))


def begin():
    """This run's inputs for the running test (a dict), from the supervisor."""
    test = _current_test()
    _send({"op": "begin", "test": test})
    with _lock:
        while b"\n" not in _buffer[0]:
            chunk = _sock[0].recv(65536)
            if not chunk:
                raise NoSupervisor("the supervisor closed the channel")
            _buffer[0] += chunk
        line, _buffer[0] = _buffer[0].split(b"\n", 1)
    reply = json.loads(line)
    if reply.get("test") != test or reply.get("inputs") is None:
        raise NoSupervisor(f"the supervisor has no hidden check {test}")
    return reply["inputs"]


def observe(**seen) -> None:
    """What the learner's code did, as JSON data, for the supervisor to judge."""
    _send({"op": "observe", "test": _current_test(), "seen": seen})


def send_report(report: dict) -> None:
    _send({"op": "report", "report": report})
