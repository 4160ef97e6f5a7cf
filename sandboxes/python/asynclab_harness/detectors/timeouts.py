"""Per-test time limit: one hanging test must not cost the others their results.

SIGALRM (armed per phase: setup, call, teardown share one budget) interrupts the main thread
wherever it is. The handler looks at where that is before raising HarnessTimeout:

- in the loop's selector: the loop was idle-waiting (a thread that never returns, a very long
  sleep); the report points at the line each waiting task is parked on;
- anywhere else: the code was busy; the report points at the learner line it was running.

The limit counts the time the test had, not the time its thread waited for a busy CPU
(cpuwait.py) or for the GIL the harness's watchdog took (blocking.py): when the alarm finds the
loop's thread waited, the deadline moves by that wait,
up to MAX_CREDIT limits in all, so a neighbour's load never turns a correct test into a timeout
and a test that really hangs is still stopped.

If a task in this test caught a cancellation and carried on, that is the reason it never ended,
and `cancellation-swallowed` is reported instead (deadlock and cancellation-swallowed win over
timeout). The alarm re-arms briefly in case learner code swallows the verdict too.
"""

import ast
import asyncio
import signal
import time

from .. import astindex
from ..context import harness
from ..workspace import enclosing_async_def, stack_of
from . import awaitchain, blocking, cancellation, coroutines, cpuwait, loop as loopmod
from .verdicts import HarnessTimeout

RETRY_SEC = 0.5
MIN_CREDIT_SEC = 0.02   # smaller waits are not worth an alarm of their own
MAX_CREDIT = 3          # at most this many limits of credit: a test gets at most 4x its limit


class Clock:
    def __init__(self):
        self.limit = 10.0
        self.deadline = None
        self.fired = 0
        self.queued = None     # cpuwait reading at the test's start
        self.handed_over = 0.0  # blocking.clock.handed_over_in_all at the test's start
        self.credited = 0.0    # seconds the deadline has moved
        self.on_extend = None  # told the new deadline (the watchdog's last resort moves with it)


clock = Clock()
_previous = None


def install(limit_sec: float) -> None:
    global _previous
    clock.limit = limit_sec
    cpuwait.open_for_this_thread()
    _previous = signal.signal(signal.SIGALRM, _on_alarm)


def start_test() -> None:
    clock.deadline = time.monotonic() + clock.limit
    clock.fired = 0
    clock.queued = cpuwait.raw()
    clock.handed_over = blocking.clock.handed_over_in_all
    clock.credited = 0.0


def end_test() -> None:
    clock.deadline = None
    disarm()


def arm() -> None:
    if clock.deadline is None:
        return
    remaining = max(clock.deadline - time.monotonic(), 0.001)
    signal.setitimer(signal.ITIMER_REAL, remaining)


def disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


def _on_alarm(signum, frame):
    if clock.deadline is None:
        return
    if clock.fired == 0 and _extend_by_cpu_wait():
        return
    clock.fired += 1
    signal.setitimer(signal.ITIMER_REAL, RETRY_SEC)
    if clock.fired == 1:
        try:
            _report(frame)
        except Exception:
            pass
    verdict = HarnessTimeout(
        f"asynclab: the test ran longer than its {clock.limit:g} s limit and was stopped. See the report.")
    if coroutines.defer_out_of_finalizer(frame, verdict):
        return
    raise verdict


def _extend_by_cpu_wait() -> bool:
    """Moves the deadline by the CPU and GIL wait not yet credited; False when there is none to give."""
    waited = cpuwait.since(clock.queued).waited + blocking.clock.handed_over_in_all - clock.handed_over
    owed = min(waited - clock.credited, MAX_CREDIT * clock.limit - clock.credited)
    if owed < MIN_CREDIT_SEC:
        return False
    clock.credited += owed
    clock.deadline += owed
    signal.setitimer(signal.ITIMER_REAL, owed)
    if clock.on_extend is not None:
        clock.on_extend(clock.deadline)
    return True


def _report(frame) -> None:
    test = harness.current_test
    harness.stopped_tests.add(test)
    if cancellation.swallowed_in_current_test():
        return
    where = _busy_learner_frame(frame)
    if where is not None:
        _report_busy(frame, _deepest_in_task(where))
        return
    # Stopped inside the loop's own machinery: the learner's code is in the paused tasks.
    loop = loopmod.running_loop()
    if loop is None:
        return
    select = next((f for f in _frames(frame) if loopmod.is_select_frame(f)), None)
    idle = select is not None and select.f_locals.get("timeout") != 0
    views = awaitchain.pending_views(loop)
    evidence = "\n\n".join(v.format_stack() for v in views)
    state = "the loop was waiting" if idle else "the loop kept running tasks that never finished"
    for view in awaitchain.prefer_learner(awaitchain.root_views(views)):
        where = view.where()
        if where is None:
            continue
        if idle:
            text = f"task `{view.name}` {view.describe()} at {harness.place(where)}"
        else:
            where = _loop_header(where)
            text = f"task `{view.name}` was still looping at {harness.place(where)} without finishing"
        harness.report("timeout", where, f"the test ran past its {clock.limit:g} s limit while {text}",
                       f"Stopped after {clock.limit:g} s; {state}.\n{evidence}")


def _report_busy(frame, sampled) -> None:
    # An un-awaited sleep made a loop of the learner's spin: never-awaited says why it hung. The
    # alarm may land in a helper that loop calls, so every learner frame on the stack is asked.
    cost = f"until the test's {clock.limit:g} s limit"
    for f in _frames(frame):
        if harness.ws.kind(f.f_code.co_filename) and coroutines.dropped_in_loop(
                (f.f_code.co_filename, f.f_lineno, f.f_code.co_name), cost) is not None:
            return
    walker = next((f for f in _frames(frame) if f.f_code.co_filename == sampled[0]
                   and f.f_lineno == sampled[1]), None)
    caller = enclosing_async_def(harness.ws, walker)
    inside = f" (in `async def {caller[0]}`)" if caller and caller[0] != sampled[2] else ""
    where = _loop_header(sampled)
    looping = bool(astindex.nodes_at(sampled[0], sampled[1], (ast.While, ast.For, ast.AsyncFor)))
    evidence = (f"Stopped after {clock.limit:g} s while running:\n"
                f'  File "{harness.ws.rel(sampled[0])}", line {sampled[1]}, in {sampled[2]}\n'
                f"    {astindex.source_line(sampled[0], sampled[1])}")
    what = "in a loop that never ended at" if looping else "still busy at"
    harness.report("timeout", where,
                   f"the test ran past its {clock.limit:g} s limit, {what} "
                   f"{harness.place(where)}{inside}", evidence)


def _loop_header(where):
    """A busy test is stopped on whichever line of its loop it happened to be on; the loop's own
    `while`/`for` line is the stable answer, and the one to change."""
    loops = astindex.nodes_at(where[0], where[1], (ast.While, ast.For, ast.AsyncFor))
    if not loops:
        return where
    return (where[0], loops[-1].lineno, where[2])


def _deepest_in_task(where):
    """The alarm can land in any coroutine of the running task's await chain, since each one
    passes the step down to the next; the innermost learner coroutine is the one that was spinning."""
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return where
    if task is None:
        return where
    chain = [f for f in awaitchain.chain_frames(task.get_coro()) if harness.ws.kind(f.f_code.co_filename)]
    places = [(f.f_code.co_filename, f.f_lineno, f.f_code.co_name) for f in chain]
    if where in places[:-1]:
        return places[-1]
    return where


def _busy_learner_frame(frame):
    """The learner frame that was running, unless the loop itself was (then tasks tell more)."""
    for f in _frames(frame):
        code = f.f_code
        if code.co_name == "_run_once" and code.co_filename.endswith("base_events.py"):
            return None
        if harness.ws.kind(code.co_filename):
            return harness.ws.pick(stack_of(f))
    return None


def _frames(frame):
    while frame is not None:
        yield frame
        frame = frame.f_back
