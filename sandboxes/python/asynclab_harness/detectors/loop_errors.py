"""What the loop's exception handler hears: lost exceptions and lost tasks.

asyncio reports both through `loop.call_exception_handler()` when a Task object is finalized:
"Task exception was never retrieved" (it failed and nobody awaited it) and "Task was destroyed but
it is pending!" (it was garbage-collected mid-work). Both point at the line that created the
task, found through the origin of its coroutine (coroutine origin tracking is on, see
coroutines.py), because that is where the learner dropped the reference.

A destroyed task also drops its coroutine, and an unstarted one then warns "never awaited": the
coroutine's id is noted here so coroutines.py does not report the same bug twice.
"""

from .. import astindex
from ..context import harness
from . import coroutines, mocks, wrong_loop
from .verdicts import HarnessVerdict

DESTROYED = "Task was destroyed but it is pending!"
UNRETRIEVED = "exception was never retrieved"  # "<TaskClass> exception was never retrieved"


def on_context(loop, context) -> bool:
    """Returns True when asyncio's own log line should be skipped (harness noise)."""
    message = context.get("message", "")
    exc = context.get("exception")
    if isinstance(exc, HarnessVerdict):
        return True
    if message == DESTROYED:
        return _destroyed(context.get("task"))
    if message.endswith(UNRETRIEVED):
        _unretrieved(context.get("future"), exc)
        return False
    if exc is not None:
        wrong_loop.check(exc)
        mocks.check_exception(exc)
    return False


def task_origin(task):
    """The task's coroutine, its origin stack, and the learner line that made the task."""
    coro = task.get_coro() if task is not None else None
    origin = getattr(coro, "cr_origin", None) or ()
    site = getattr(task, "_asynclab_site", None)
    if site is not None:
        origin = (site,) + tuple(origin)
    return coro, origin, site or harness.ws.pick(origin)


def _checks_in_test_code(coro) -> bool:
    code = getattr(coro, "cr_code", None)
    if code is None or not harness.ws.kind(code.co_filename):
        return False
    if not harness.ws.is_test_file(code.co_filename):
        return False
    return astindex.has_checks(astindex.function_at(code.co_filename, code.co_name, code.co_firstlineno))


def _body_lines(coro):
    """(file, first line, last line) of the task's coroutine function: coroutines it created and
    dropped while it hung are the same bug, seen from inside (diagnostics.HIDES_INSIDE)."""
    code = getattr(coro, "cr_code", None)
    if code is None or harness.ws is None:
        return None
    lines = [line for _, _, line in code.co_lines() if line]
    return (harness.ws.rel(code.co_filename), code.co_firstlineno, max(lines, default=code.co_firstlineno))


def _destroyed(task) -> bool:
    coro, origin, where = task_origin(task)
    if coro is not None:
        coroutines.owned_by_task(coro)
    test = harness.attribute(origin)
    if test in harness.stopped_tests:
        return True  # the harness ended this test itself; its leftover tasks are not a new bug
    if where is None:
        return False
    name = getattr(coro, "__qualname__", "?")
    evidence = f"{DESTROYED}\ntask: {task!r}"
    covers = _body_lines(coro)
    if _checks_in_test_code(coro):
        harness.report("silent-pass", where,
                       f"the assertions in `{name}` never ran: the task created at {harness.place(where)} "
                       f"was still pending when the test ended, and the test passed without them",
                       evidence, test=test, covers=covers)
    else:
        harness.report("task-destroyed-pending", where,
                       f"task `{name}` created at {harness.place(where)} was destroyed while still "
                       f"pending: nothing kept a reference to it or waited for it to finish",
                       evidence, test=test, covers=covers)
    return False


def unretrieved_at_exit() -> None:
    """Tasks that failed, are still referenced (a module-level set, a list, an attribute) and
    whose exception nobody read. Keeping the reference is what silences asyncio: its "exception
    was never retrieved" comes from the task's finalizer, which never runs while something holds
    it, and the process ends before. So when the session ends, every task the learner's code made
    is looked at once more."""
    import asyncio
    for task in list(getattr(asyncio.tasks, "_all_tasks", ())):
        try:
            if not task.done() or task.cancelled() or not task._log_traceback:
                continue
            test = getattr(task, "_asynclab_test", None)
            if getattr(task, "_asynclab_site", None) is None or test in harness.stopped_tests:
                continue
            exc = getattr(task, "_exception", None)
            if exc is None or isinstance(exc, HarnessVerdict):
                continue
            _unretrieved(task, exc, test=test, kept=True)
        except Exception:
            pass


def _unretrieved(task, exc, test="origin", kept=False) -> None:
    if getattr(task, "_asynclab_reported", False):
        return
    coro, origin, where = task_origin(task)
    if where is None:
        return
    try:
        task._asynclab_reported = True
    except AttributeError:
        pass
    if test == "origin":
        test = harness.attribute(origin)
    name = getattr(coro, "__qualname__", "?")
    raised = _raise_site(exc)
    raised_text = f" ({type(exc).__name__} raised at {harness.place(raised)})" if raised else ""
    evidence = f"Task {UNRETRIEVED}\n{_format(exc)}"
    if isinstance(exc, AssertionError) and _checks_in_test_code(coro):
        harness.report("silent-pass", where,
                       f"an assertion in task `{name}` failed{raised_text}, but nobody awaited the task "
                       f"created at {harness.place(where)}, so the test still passed",
                       evidence, test=test)
        return
    kept_text = (": a reference to the task is kept, so asyncio never even logged it, and the "
                 "run ended with the exception unread") if kept else ""
    if kept:
        evidence = (f"At the end of the run the task was done, still referenced, and its exception "
                    f"never retrieved (no await, result() or exception()).\n{_format(exc)}")
    harness.report("task-exception-unretrieved", where,
                   f"task `{name}` created at {harness.place(where)} raised{raised_text} and nobody "
                   f"awaited it or read its exception{kept_text}", evidence, test=test)
    if exc is not None:
        wrong_loop.check(exc, test=test)
        mocks.check_exception(exc, test=test)


def _raise_site(exc):
    if exc is None:
        return None
    from ..workspace import stack_of_tb
    return harness.ws.pick(stack_of_tb(exc.__traceback__))


def _format(exc) -> str:
    from ..workspace import format_exception
    return format_exception(harness.ws, exc) if exc is not None else ""
