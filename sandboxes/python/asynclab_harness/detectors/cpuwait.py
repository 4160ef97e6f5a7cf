"""How long the loop's thread waited for a CPU: time that is the machine's, not the learner's.

On a busy worker (many sandboxes on two cores) a runnable thread can sit on a run queue for
tens or hundreds of milliseconds. Linux counts that per thread: the second field of
/proc/thread-self/schedstat, in nanoseconds (the first is the time it ran). The blocking-call timer and the per-test time limit
subtract it, so a neighbour's load never becomes this learner's bug. Under gVisor there is no
schedstat: every reading is None and the callers fall back to wall-clock time.
"""

import os
from typing import NamedTuple

_fd = None


def open_for_this_thread() -> None:
    """Binds the readings to the calling thread (the one that runs the loop)."""
    global _fd
    if _fd is not None:
        return
    try:
        _fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        _fd = None


def raw():
    """The schedstat line as bytes (one pread, about 0.4 us), None without schedstat."""
    if _fd is None:
        return None
    try:
        return os.pread(_fd, 64, 0)
    except OSError:
        return None


class CpuUse(NamedTuple):
    ran: float     # seconds on a CPU
    waited: float  # seconds runnable but waiting for a CPU


def _fields(reading) -> CpuUse:
    try:
        ran, waited = reading.split()[:2]
        return CpuUse(int(ran) / 1e9, int(waited) / 1e9)
    except (AttributeError, ValueError):
        return CpuUse(0.0, 0.0)


def since(reading) -> CpuUse:
    """What the thread did since `reading` was taken (zeros without schedstat)."""
    if reading is None:
        return CpuUse(0.0, 0.0)
    now, then = _fields(raw()), _fields(reading)
    return CpuUse(max(now.ran - then.ran, 0.0), max(now.waited - then.waited, 0.0))
