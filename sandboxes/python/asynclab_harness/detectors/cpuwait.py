"""How long the loop's thread waited for a CPU: time that is the machine's, not the learner's.

On a busy worker (many sandboxes on two cores) a runnable thread can sit on a run queue for
tens or hundreds of milliseconds. Linux counts that per thread: the second field of
/proc/thread-self/schedstat, in nanoseconds. The blocking-call timer and the per-test time limit
subtract it, so a neighbour's load never becomes this learner's bug. Under gVisor there is no
schedstat: every reading is None and the callers fall back to wall-clock time.
"""

import os

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


def seconds(reading) -> float:
    """The run-queue wait in a raw() reading, in seconds (0.0 for None)."""
    try:
        return int(reading.split()[1]) / 1e9
    except (AttributeError, ValueError, IndexError):
        return 0.0


def since(reading) -> float:
    """Seconds waited for a CPU since `reading` was taken (0.0 without schedstat)."""
    if reading is None:
        return 0.0
    return max(seconds(raw()) - seconds(reading), 0.0)
