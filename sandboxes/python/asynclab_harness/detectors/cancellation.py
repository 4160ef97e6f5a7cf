"""Cancellation swallowed: a task was asked to stop and did not.

`task.cancel()` throws CancelledError into the task at the await where it is paused. Python 3.11
counts the requests (`task.cancelling()`), and the helpers that cancel on purpose and recover
(`asyncio.timeout`, `TaskGroup`) take theirs back with `uncancel()`. So a task that *finished
normally* while a cancel request is still counted caught the CancelledError and carried on.

To say *where* it caught it, the harness looks at the task's await chain when cancel() is called
(its tasks are a small Task subclass, see loop.py): the `except` that swallowed the error is one
around an await in that chain.
"""

import asyncio
import time
from typing import List

from .. import astindex
from ..context import harness
from ..workspace import stack_of
from . import awaitchain

_requests: List["CancelRequest"] = []
# The harness cancels leftover tasks itself after a verdict; those requests are not the learner's.
harness_cancelling = False
DELIVERY_GRACE_SEC = 0.05


class CancelRequest:
    def __init__(self, task, chain, origin):
        self.task = task
        self.chain = chain        # [(file, line, func)] of learner frames, innermost first
        self.origin = origin      # where cancel() was called from
        self.at = time.monotonic()
        self.reported = False


class TrackedTask(asyncio.Task):
    """asyncio.Task that remembers who cancelled it and where it was paused then."""

    def cancel(self, msg=None):
        pending = not self.done()
        accepted = super().cancel(msg)
        if pending and accepted and not harness_cancelling:
            try:
                _record(self)
            except Exception:  # the learner's cancel() must work whatever the harness thinks
                pass
        return accepted


def _record(task):
    import sys
    caller = sys._getframe(2)
    if caller.f_code.co_filename.endswith("taskgroups.py") and \
            getattr(caller.f_locals.get("self"), "_parent_task", None) is task:
        # TaskGroup cancelling its own parent task to abort the `async with` body. Python 3.11
        # does not always take that request back (uncancel), so it is not the learner's.
        return
    chain = []
    for frame in reversed(awaitchain.chain_frames(task.get_coro())):
        if harness.ws.kind(frame.f_code.co_filename):
            chain.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
    origin = harness.ws.pick(stack_of(caller))
    _requests.append(CancelRequest(task, chain, origin))


def _request_for(task):
    for req in _requests:
        if req.task is task:
            return req
    return None


def _catch_site(req):
    for filename, line, func in req.chain:
        handler = astindex.swallowing_handler(filename, line)
        if handler is not None:
            return (filename, handler.lineno, func), True
    return (req.chain[0] if req.chain else None), False


def report_if_swallowed(task, evidence: str = "", stuck: bool = False) -> bool:
    """For a task still pending: was it cancelled, did it catch that, and is it going on?"""
    req = _request_for(task)
    if req is None or req.reported or task.done():
        return False
    if task.cancelling() <= 0 or getattr(task, "_must_cancel", False):
        return False  # not asked, or the CancelledError has not been delivered yet
    where, found = _catch_site(req)
    if where is None or not found:
        return False  # no except that swallows it: the task is cleaning up, not carrying on
    state = "is stuck waiting again" if stuck else "kept running"
    _report(req, where, state, evidence)
    return True


def check_finished() -> None:
    """At the end of a test: tasks that were cancelled and finished as if nothing happened."""
    for req in list(_requests):
        task = req.task
        if req.reported:
            continue
        if task.done():
            swallowed = (not task.cancelled() and task.cancelling() > 0
                         and getattr(task, "_exception", None) is None)
            if swallowed:
                where, found = _catch_site(req)
                if found:  # without the except that did it, the swallow was not in learner code
                    _report(req, where, "finished normally", "")
        elif time.monotonic() - req.at > DELIVERY_GRACE_SEC:
            report_if_swallowed(task)
    _requests.clear()


def swallowed_in_current_test() -> bool:
    """Used at a timeout: is a task that swallowed its cancel the reason the test never ended?"""
    found = False
    for req in _requests:
        if req.reported:
            found = True
        elif not req.task.done() and time.monotonic() - req.at > DELIVERY_GRACE_SEC:
            found = report_if_swallowed(req.task) or found
    return found


def _report(req, where, state, evidence):
    req.reported = True
    task = req.task
    name = getattr(task.get_coro(), "__qualname__", None) or task.get_name()
    origin = f" (cancel() called at {harness.place(req.origin)})" if req.origin else ""
    message = (f"task `{name}` was cancelled{origin} but caught CancelledError at "
               f"{harness.place(where)} and {state} instead of stopping")
    lines = [f"Task `{task.get_name()}` ({name}): cancel requested {task.cancelling()} time(s); "
             f"cancelled()={task.cancelled()}, done()={task.done()}"]
    line_text = astindex.source_line(where[0], where[1])
    if line_text:
        lines.append(f'  File "{harness.ws.rel(where[0])}", line {where[1]}\n    {line_text}')
    if evidence:
        lines.append(evidence)
    harness.report("cancellation-swallowed", where, message, "\n".join(lines))
