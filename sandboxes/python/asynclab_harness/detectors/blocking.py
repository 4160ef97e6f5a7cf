"""Blocking calls: one step of a task that held the loop too long.

The loop runs every callback, including each step of each task, through `Handle._run`. The
harness times that method; a step longer than the threshold held the loop. Its duration alone
does not say where, since when it ends the coroutine has already moved on, so while a step
runs long, the watchdog thread (watchdog.py) samples the main thread's stack and notes the
learner's innermost frame: the `time.sleep`, the synchronous I/O, the CPU loop, also when it sits
in a synchronous helper, together with the `async def` that called the helper.

Wall-clock time alone would blame the learner for a busy machine: with many sandboxes on two
cores, a step can wait 100 ms on a run queue for a CPU without holding the loop any longer than
usual. So a step is a blocking call when its own time (its wall-clock time less that wait,
cpuwait.py: what it ran, slept or waited on I/O) reaches the threshold, or when it held the loop
past the threshold in wall-clock time while running on a CPU for a quarter of the threshold: a
busy-wait on the clock (`while time.perf_counter() < deadline`) gets less CPU on a busy machine
but holds the loop just as long, while a preempted short step runs a few milliseconds.

The watchdog thread takes the GIL to look at the loop; CPython makes a thread that holds the GIL
hand it over after the switch interval (5 ms by default), and on a busy CPU the taker can then sit
on a run queue while the loop's thread waits for it. The harness sets the interval to half the
threshold: a short step never hands the GIL over, a long one still gets its samples. When a hand-over
does happen, the loop's thread sleeps on the GIL until the watchdog has been scheduled and let go:
time it neither ran nor queued for a CPU, the harness's and not the learner's. The watchdog tells
how long that can have been (`note_handover`) and the step's own time leaves it out; a step that
sleeps in `time.sleep` holds no GIL, so the watchdog takes it without a hand-over and nothing is
left out.
"""

import sys
import threading
import time
from asyncio import events
from collections import Counter

from ..context import harness
from ..workspace import enclosing_async_def, stack_of
from . import cpuwait
from .verdicts import HarnessVerdict


RAN_SHARE_MIN = 0.25  # of the threshold: running less, a long step is the machine's load, not the code


class StepClock:
    def __init__(self):
        self.started = None   # perf_counter() when the current step began, None between steps
        self.step = 0
        self.samples = []     # (step, learner frame, async def) taken by the watchdog
        self.handed_over = 0.0  # seconds this step may have slept on the GIL the watchdog took
        self.handed_over_in_all = 0.0  # the same over the whole run (the per-test limit leaves it out too)
        self.threshold = 0.1


clock = StepClock()


def install(threshold_ms: float) -> None:
    """Installs the step timer; call it from the thread that runs the loop (schedstat is per thread)."""
    clock.threshold = threshold_ms / 1000.0
    sys.setswitchinterval(max(sys.getswitchinterval(), clock.threshold / 2))
    original = events.Handle._run
    main = harness.main_thread
    perf = time.perf_counter
    get_ident = threading.get_ident
    cpuwait.open_for_this_thread()
    reading = cpuwait.raw

    def _run(self):
        if get_ident() != main:
            return original(self)
        clock.step += 1
        clock.handed_over = 0.0
        queued = reading()
        started = clock.started = perf()
        verdict = False
        try:
            original(self)
        except HarnessVerdict:
            verdict = True
            raise
        finally:
            clock.started = None
            elapsed = perf() - started
            if elapsed >= clock.threshold and not verdict:
                use = cpuwait.since(queued)
                if held_the_loop(elapsed, use, clock.threshold, clock.handed_over):
                    _report(self, elapsed, use.waited)
            if clock.samples:
                clock.samples.clear()

    events.Handle._run = _run


def held_the_loop(elapsed: float, use: cpuwait.CpuUse, threshold: float, handed_over: float = 0.0) -> bool:
    """Whether a step of `elapsed` s that ran and waited for a CPU as `use` says, and may have waited
    `handed_over` s for the watchdog to give the GIL back, is the code's blocking call."""
    own = elapsed - use.waited - handed_over
    return own >= threshold or (elapsed >= threshold and use.ran >= threshold * RAN_SHARE_MIN)


def note_handover(step: int, seconds: float) -> None:
    """From the watchdog, holding the GIL it had to ask for: the loop's thread may have slept on it
    `seconds` (an upper bound: from when it could first have been asked to let go until now)."""
    clock.handed_over_in_all += seconds
    if clock.started is not None and clock.step == step:
        clock.handed_over += seconds


def sample() -> None:
    """Called from the watchdog thread: note where a long step is right now."""
    started = clock.started
    if started is None or time.perf_counter() - started < clock.threshold / 2:
        return
    step = clock.step
    frame = sys._current_frames().get(harness.main_thread)
    if frame is None:
        return
    stack = stack_of(frame)
    if any("importlib" in f[0] for f in stack[:12]):
        return  # a first-time import inside a test: slow, but not the learner's blocking call
    where = harness.ws.pick(stack)
    if where is None:
        return
    walker = frame
    while walker is not None and (walker.f_code.co_filename != where[0] or walker.f_lineno != where[1]):
        walker = walker.f_back
    caller = enclosing_async_def(harness.ws, walker)
    clock.samples.append((step, where, caller))


def _report(handle, elapsed: float, waited: float) -> None:
    mine = [s for s in clock.samples if s[0] == clock.step]
    if not mine:
        return  # nothing seen on the stack: the time went to harness or library work
    (where, caller), _n = Counter((s[1], s[2]) for s in mine).most_common(1)[0]
    ms = elapsed * 1000
    from . import coroutines
    if coroutines.dropped_in_loop(where, f"{ms:.0f} ms in one step") is not None:
        return  # not a synchronous call: an un-awaited sleep let the loop spin (never-awaited)
    func = where[2]
    if caller is None:
        inside = f"in `{func}`"
    elif caller[0] == func and caller[1] == where[0]:
        inside = f"inside `async def {func}`"
    else:
        inside = f"in `{func}`, called from `async def {caller[0]}` at {harness.place(caller[1:])}"
    message = (f"the event loop was blocked for {ms:.0f} ms at {harness.place(where)} ({inside}); "
               f"no other task could run meanwhile")
    from .. import astindex
    queued = f"; {waited * 1000:.0f} ms of it waiting for a busy CPU" if waited >= 0.005 else ""
    evidence = (f"One step of {_describe(handle)} ran for {ms:.0f} ms without reaching an await "
                f"(threshold {clock.threshold * 1000:.0f} ms{queued}). Sampled at:\n"
                f'  File "{harness.ws.rel(where[0])}", line {where[1]}, in {func}\n'
                f"    {astindex.source_line(where[0], where[1])}")
    harness.report("blocking-call", where, message, evidence)


def _describe(handle) -> str:
    owner = getattr(handle._callback, "__self__", None)
    coro = getattr(owner, "get_coro", lambda: None)()
    if coro is not None:
        return f"task `{getattr(coro, '__qualname__', owner)}`"
    return "a callback"
