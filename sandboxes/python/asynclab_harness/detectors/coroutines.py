"""Never-awaited coroutines, and the silent passes and AsyncMocks hiding behind them.

Python warns "coroutine 'x' was never awaited" from the coroutine's finalizer: when the object is
thrown away, often at garbage collection, often inside another test. It looks the warning up as
`warnings._warn_unawaited_coroutine` and hands it the coroutine object itself, so the harness
wraps that function: it gets the object, its code, and (with origin tracking on) the stack that
created it. The original is still called, so the learner sees the usual warning.

Findings are held until the end of the test (after a forced garbage collection), because the
same dropped coroutine may turn out to belong to a destroyed task (loop_errors.py) or to an
unmarked async test (silent-pass), which are the more specific names for it.
"""

import signal
import sys
import warnings
from typing import List

from .. import astindex
from ..context import harness

ORIGIN_DEPTH = 40
MOCK_CORO = "_execute_mock_call"
RETRY_VERDICT_SEC = 0.002
# A loop that spins on a dropped sleep drops thousands of coroutines; one that also drops a
# coroutine while it really blocks (`time.sleep()` in the same loop) drops a handful, and its
# blocking-call is kept.
SPIN_MIN_DROPS = 50

_pending: List[dict] = []
_hook_codes = set()  # code objects of the never-awaited hook (and the original it calls)
# The same coroutine dropped again and again at one line (an un-awaited `asyncio.sleep()` in a
# `while` loop) is one bug: one record per (test, code, learner line), the rest only counted.
# Without this a spinning loop appended a record per turn, millions before its time limit.
_by_site = {}
_task_coros = set()  # ids of coroutines whose task was destroyed: loop_errors reports those
silent_test_functions = set()  # code objects of unmarked async tests (silent-pass reports those)


def install() -> None:
    sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)
    _track_in_threads()
    original = warnings._warn_unawaited_coroutine

    def _warn_unawaited_coroutine(coro):
        try:
            origin = getattr(coro, "cr_origin", None)
            site = harness.ws.pick(origin) if origin else None  # the learner line, not mock.py's
            key = (harness.current_test, getattr(coro, "cr_code", None), site or id(coro))
            rec = _by_site.get(key)
            if rec is None:
                _by_site[key] = rec = _record(coro)
                _pending.append(rec)
            else:
                # Same text as the first time (same origin), which Python's default filter
                # shows once anyway; formatting it again costs ~0.1 ms a turn in a spin.
                rec["count"] += 1
                return None
        except Exception:
            pass
        return original(coro)

    _hook_codes.add(_warn_unawaited_coroutine.__code__)
    _hook_codes.add(original.__code__)
    warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine


def _track_in_threads() -> None:
    """Origin tracking is a per-thread setting: without this, a coroutine made in a worker thread
    (an AsyncMock called from `to_thread`, a coroutine handed to a loop that never runs) has no
    origin, and so no learner line to report."""
    import threading
    original = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        try:
            sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)
        except Exception:
            pass
        return original(self)

    threading.Thread._bootstrap_inner = _bootstrap_inner


def defer_out_of_finalizer(frame, verdict) -> bool:
    """Called by the time limit's signal handler. A verdict raised inside the never-awaited hook
    cannot propagate: the hook runs in a coroutine's finalizer, and Python prints what it raises
    as unraisable and goes on. In a loop that drops a coroutine every turn, that is where the
    alarm almost always lands (a signal is handled at the next function entry, and this hook is
    it). So the verdict is raised instead from a one-shot trace hook at the next line of the frame
    that dropped the coroutine: the learner's spinning loop. True when deferred."""
    hook = frame
    while hook is not None and hook.f_code not in _hook_codes:
        hook = hook.f_back
    if hook is None:
        return False
    frame = hook.f_back
    while frame is not None and frame.f_code in _hook_codes:
        frame = frame.f_back
    if frame is None:
        signal.setitimer(signal.ITIMER_REAL, RETRY_VERDICT_SEC)  # try again somewhere else
        return True

    def once(traced, event, _arg):
        if traced is frame and event == "line":
            frame.f_trace = None
            sys.settrace(None)
            raise verdict
        return once

    frame.f_trace = once
    sys.settrace(lambda *_: None)  # tracing on, so the frame's own hook runs; new frames untraced
    return True


def owned_by_task(coro) -> None:
    _task_coros.add(id(coro))


def _record(coro) -> dict:
    code = getattr(coro, "cr_code", None)
    origin = getattr(coro, "cr_origin", None) or ()
    mock = None
    if code is not None and code.co_name == MOCK_CORO and code.co_filename.endswith("mock.py"):
        frame = getattr(coro, "cr_frame", None)
        mock = frame.f_locals.get("self") if frame is not None else None
    return {
        "id": id(coro),
        "qualname": getattr(coro, "__qualname__", "?"),
        "code": code,
        "origin": origin,
        "mock": _mock_name(mock) if mock is not None else None,
        "test": harness.attribute(origin),
        "evidence": _evidence(coro, origin),
        "count": 1,
        "spin": None,  # (file, loop line, what it cost) once the drop is known to make a loop spin
    }


def _mock_name(mock) -> str:
    try:
        return mock._extract_mock_name()
    except Exception:
        return "mock"


def _evidence(coro, origin) -> str:
    import linecache
    text = f"RuntimeWarning: coroutine '{getattr(coro, '__qualname__', '?')}' was never awaited"
    # Only the learner's (and the lab's) frames: the loop and pytest frames between them are noise.
    mine = [f for f in origin if harness.ws.kind(f[0])][:8]
    if mine:
        lines = ["Coroutine created at (most recent call last)"]
        for filename, lineno, func in reversed(mine):
            lines.append(f'  File "{filename}", line {lineno}, in {func}')
            source = linecache.getline(filename, lineno).strip()
            if source:
                lines.append(f"    {source}")
        text += "\n" + "\n".join(lines)
    return text


def resolve() -> None:
    """Classify what was dropped during the test that just ended."""
    pending = list(_pending)
    _pending.clear()
    _by_site.clear()
    for rec in pending:
        if rec["id"] in _task_coros:
            continue
        try:
            _classify(rec)
        except Exception:
            pass
    _task_coros.clear()


def _classify(rec) -> None:
    ws = harness.ws
    code = rec["code"]
    where = ws.pick(rec["origin"])
    test = rec["test"]
    if code is not None and code in silent_test_functions:
        return
    if rec["mock"] is not None:
        # Called by the loop itself (a callback, see mocks.scheduled_callback): the learner frames
        # further out (a test's asyncio.run line) did not make this call.
        where = ws.pick(_until_loop(rec["origin"]))
        if where is not None:
            label = astindex.call_text(where[0], where[1], rec["mock"].rsplit(".", 1)[-1]) or rec["mock"]
            harness.report(
                "asyncmock-not-awaited", where,
                f"AsyncMock `{label}` was called at {harness.place(where)} but the coroutine it "
                f"returned was never awaited", rec["evidence"], test=test)
        return
    name = rec["qualname"]
    if where is None:
        # Made by library code (pytest calling an async fixture in strict mode, say): point at
        # the learner's function, the only place they can change.
        if code is None or not ws.kind(code.co_filename):
            return
        where = (code.co_filename, astindex.def_line(code.co_filename, code), code.co_name)
        harness.report(
            "never-awaited", where,
            f"coroutine `{name}` (defined at {harness.place(where)}) was created by library code and "
            f"never awaited: if it is an async fixture, strict mode needs `@pytest_asyncio.fixture`",
            rec["evidence"], test=test)
        return
    if astindex.in_assert(where[0], where[1]):
        harness.report(
            "silent-pass", where,
            f"`assert` on coroutine `{name}` at {harness.place(where)} always passes: a coroutine "
            f"object is truthy and its body never ran", rec["evidence"], test=test)
        return
    if _is_test_check(code):
        harness.report(
            "silent-pass", where,
            f"the checks in coroutine `{name}` never ran: it was created at {harness.place(where)} "
            f"and never awaited, so the test could pass without them", rec["evidence"], test=test)
        return
    # The creation stack, in the submission's files: precedence hides this diagnostic when the
    # coroutine was made by a task that is itself reported as never finishing.
    made_from = [(ws.rel(f), line) for f, line, _ in rec["origin"] if ws.kind(f)]
    message = f"coroutine `{name}` was created at {harness.place(where)} and never awaited"
    if rec["spin"] is not None:
        loop_file, loop_line, cost = rec["spin"]
        message += (f": nothing paused the loop at {harness.place((loop_file, loop_line))}, so it "
                    f"spun without yielding ({cost}) and made {rec['count']} coroutines that never ran")
    harness.report("never-awaited", where, message, rec["evidence"], test=test, made_from=made_from)


def dropped_in_loop(where, cost: str):
    """A coroutine dropped inside the learner's `while`/`for` loop around `where`, during the
    running test: when a step held the loop, or a test spun to its limit, this is why (the
    un-awaited `asyncio.sleep()` that should have paused it). Marks the record as the spin's cause.
    """
    loop = _innermost_loop(where)
    if loop is None:
        return None
    for rec in _pending:
        site = harness.ws.pick(rec["origin"])
        if rec["mock"] is not None or site is None or site[0] != where[0] or rec["test"] != harness.current_test:
            continue
        if loop.lineno <= site[1] <= (loop.end_lineno or loop.lineno) and rec["count"] >= SPIN_MIN_DROPS:
            rec["spin"] = (where[0], loop.lineno, cost)
            return rec
    return None


def _innermost_loop(where):
    import ast
    loops = astindex.nodes_at(where[0], where[1], (ast.While, ast.For, ast.AsyncFor))
    return loops[-1] if loops else None


def _until_loop(origin):
    for entry in origin:
        if entry[2] == "_run_once" and entry[0].endswith("base_events.py"):
            return
        yield entry


def _is_test_check(code) -> bool:
    """A coroutine function written in a test file that asserts something."""
    if code is None or not harness.ws.kind(code.co_filename) or not harness.ws.is_test_file(code.co_filename):
        return False
    return astindex.has_checks(astindex.function_at(code.co_filename, code.co_name, code.co_firstlineno))
