"""Deadlock: the loop can never run anything again.

The loop asks its selector to wait with no timeout only when its ready queue is empty and no
timer is scheduled (base_events._run_once). At that moment the only things that could ever wake
it are: a watched file descriptor other than its own self-pipe, a signal handler, or another
thread that might call `call_soon_threadsafe` (an executor job, a child watcher). If none exists
and tasks are still pending, nothing will ever resume them: that is the verdict, given at once
rather than at a time limit.
"""

import ast
import linecache
import os
import socket
import sys
import time

from .. import astindex
from ..context import harness
from . import awaitchain, cancellation
from .verdicts import HarnessDeadlock


def wakers(loop, selector) -> list:
    """Reasons the loop could still be woken; empty means it never will be."""
    reasons = []
    if loop._ready:
        reasons.append("ready callback")  # added by another thread since the loop looked
    if getattr(loop, "_signal_handlers", None):
        reasons.append("signal handler")
    executor = getattr(loop, "_default_executor", None)
    if executor is not None and executor._work_queue.qsize() > 0:
        reasons.append("queued executor job")
    own = _self_pipe_fd(loop)
    local_only = True
    for key in list(selector.get_map().values()):
        if key.fd == own:
            continue
        if not _is_local_dead_end(key):
            reasons.append(f"fd {key.fd}")
            local_only = False
    if local_only and len(selector.get_map()) > 1 and _has_child_processes():
        reasons.append("child process")
    reasons.extend(_live_threads())
    return reasons


def stalled(loop, idle_since: float) -> None:
    """Called by the selector when the loop would sleep forever. Reports and raises."""
    views = awaitchain.pending_views(loop)
    harness.stopped_tests.add(harness.current_test)
    try:
        _report(views, (time.perf_counter() - idle_since) * 1000)
    except Exception:  # a harness bug must not turn into a learner's failure of another kind
        pass
    raise HarnessDeadlock(
        f"asynclab: deadlock: the event loop can never make progress again "
        f"({len(views)} task(s) waiting, nothing can wake them). See the report.")


def _report(views, after_ms: float) -> None:
    test = harness.current_test
    roots = awaitchain.prefer_learner(awaitchain.root_views(views))
    evidence = _evidence(views, after_ms)
    reported = []
    for view in roots:
        if cancellation.report_if_swallowed(view.task, evidence, stuck=True):
            reported.append("cancellation-swallowed")
            continue
        where = view.where()
        if where is None:
            continue
        detail = view.describe()
        others = [v for v in roots if v is not view]
        message = (f"deadlock: task `{view.name}` {detail} at {harness.place(where)}, and nothing "
                   f"left on the event loop can ever wake it")
        if _reentry(view):
            message += " (it already holds that lock: asyncio.Lock is not re-entrant)"
        elif others:
            message += "; " + "; ".join(
                f"`{o.name}` {o.describe()} at {harness.place(o.where())}" for o in others if o.where())
        harness.report("deadlock", where, message, evidence, test=test)
        reported.append("deadlock")
    if not reported and views:
        # A stuck task with no learner frame of its own: point at the test's own line.
        where = harness.ws.pick(_main_stack())
        if where is not None:
            harness.report("deadlock", where,
                           f"deadlock: {len(views)} task(s) wait forever and nothing can wake them",
                           evidence, test=test)
    if not views:
        where = harness.ws.pick(_main_stack())
        if where is not None:
            harness.report("deadlock", where,
                           "deadlock: the event loop was left running with no task and nothing that "
                           "could ever stop it (run_forever() without stop())", evidence, test=test)


def _reentry(view) -> bool:
    """Is the task waiting for a Lock that it entered itself further up its own chain?"""
    lock = next((f.f_locals.get("self") for f in view.frames
                 if f.f_code.co_name == "acquire" and f.f_code.co_filename.endswith("locks.py")), None)
    if lock is None or type(lock).__name__ != "Lock":
        return False
    learner = [f for f in view.frames if harness.ws.kind(f.f_code.co_filename)]
    for depth, frame in enumerate(reversed(learner)):
        for node in astindex.nodes_at(frame.f_code.co_filename, frame.f_lineno, (ast.AsyncWith,)):
            if depth == 0 and node.lineno == frame.f_lineno:
                continue  # the `async with` it is waiting on right now
            for item in node.items:
                if astindex.resolve(item.context_expr, frame) is lock:
                    return True
    return False


def _evidence(views, after_ms: float) -> str:
    if not views:
        return "The event loop waits with no task, no timer and nothing watched."
    head = (f"The event loop stalled: ready queue empty, no timer, no watched I/O, no worker "
            f"thread (verdict {after_ms:.1f} ms after the loop went idle). "
            f"{len(views)} task(s) still pending:\n")
    return head + "\n\n".join(v.format_stack() for v in views)


def _main_stack():
    from ..workspace import stack_of
    return stack_of(sys._getframe(1))


def _self_pipe_fd(loop):
    ssock = getattr(loop, "_ssock", None)
    try:
        return ssock.fileno() if ssock is not None else -1
    except OSError:
        return -1


def _socket_of(key):
    """The socket behind a selector registration, found through the loop's callbacks."""
    reader, writer = key.data if isinstance(key.data, tuple) else (None, None)
    for handle in (reader, writer):
        if handle is None:
            continue
        owner = getattr(handle._callback, "__self__", None)
        sock = getattr(owner, "_sock", None)
        if isinstance(sock, socket.socket):
            return sock
        for arg in handle._args or ():
            if isinstance(arg, socket.socket):
                return arg
    return None


def _is_local_dead_end(key) -> bool:
    """A socket only this process could ever make ready: a listener, an AF_UNIX pair, or a
    loopback connection. While this thread sleeps in select and no other thread or child runs,
    nobody can write to it or connect to it."""
    sock = _socket_of(key)
    if sock is None:
        return False
    try:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return True
        try:
            peer = sock.getpeername()
        except OSError:
            return True  # a listening (or unconnected) socket
        host = peer[0] if isinstance(peer, tuple) else ""
        return host.startswith("127.") or host in ("::1", "localhost")
    except OSError:
        return False


def _has_child_processes() -> bool:
    me = str(os.getpid())
    try:
        names = os.listdir("/proc")
    except OSError:
        return True
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == me:
            return True
    return False


def _live_threads() -> list:
    """Threads that could still call back into the loop. Idle executor workers cannot."""
    reasons = []
    for ident, frame in sys._current_frames().items():
        if ident == harness.main_thread or ident in harness.harness_threads:
            continue
        if _idle_executor_worker(frame):
            continue
        reasons.append(f"thread {ident}")
    return reasons


def _idle_executor_worker(frame) -> bool:
    code = frame.f_code
    if code.co_name != "_worker" or not code.co_filename.endswith(os.path.join("futures", "thread.py")):
        return False
    # Parked in work_queue.get(): it has no job, so it will not call the loop back.
    return "work_queue.get(block=True)" in linecache.getline(code.co_filename, frame.f_lineno)
