"""Wrong loop: an object bound to one event loop used from another, or a loop used after close.

Recognised from the RuntimeError asyncio raises, wherever it surfaces (a failing test, a task's
exception, an exception in a finalizer). For an asyncio primitive kept at module level, the line
to change is where it was made, not where it was awaited: the primitive is found in the
traceback's frames (`_get_loop(self)`) and then among the learner module's globals.
"""

import re
import sys

from .. import astindex
from ..context import harness
from ..workspace import format_exception, stack_of_tb

PATTERNS = (
    (re.compile(r"attached to a different loop"), "a Future from another event loop was awaited"),
    (re.compile(r"is bound to a different event loop"), "an asyncio object bound to another event loop was used"),
    (re.compile(r"Event loop is closed"), "the event loop was used after it was closed"),
    (re.compile(r"cannot be called from a running event loop"), "`asyncio.run()` was called while an event loop was already running"),
    (re.compile(r"This event loop is already running"), "a running event loop was started again"),
    (re.compile(r"Cannot run the event loop while another loop is running"), "a second event loop was started inside a running one"),
    (re.compile(r"There is no current event loop"), "code looked for an event loop where none was running"),
)


def _chain(exc):
    seen = set()
    stack = [exc]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        stack.extend(getattr(item, "exceptions", ()) or ())
        stack.append(item.__cause__)
        stack.append(item.__context__)


def check(exc, test="current") -> bool:
    found = False
    for item in _chain(exc):
        if isinstance(item, RuntimeError):
            found = _check_one(item, test) or found
    return found


def _check_one(exc, test) -> bool:
    text = str(exc)
    what = next((label for pattern, label in PATTERNS if pattern.search(text)), None)
    if what is None:
        return False
    used_at = harness.ws.pick(stack_of_tb(exc.__traceback__))
    made_at = _module_level_creation(exc.__traceback__)
    where = made_at or used_at
    if where is None:
        return False
    if made_at is not None and used_at is not None:
        message = (f"{what}: it was created at module level at {harness.place(made_at)}, and used at "
                   f"{harness.place(used_at)} from a later test's loop")
    else:
        message = f"{what} at {harness.place(where)}"
    evidence = format_exception(harness.ws, exc)
    harness.report("wrong-loop", where, message, evidence, test=test)
    return True


def _module_level_creation(tb):
    """For `<Lock ...> is bound to a different event loop`: where that Lock was made."""
    obj = None
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "_get_loop" and "self" in frame.f_locals:
            obj = frame.f_locals["self"]
        tb = tb.tb_next
    if obj is None:
        return None
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None) or ""
        if not filename or not harness.ws.kind(filename):
            continue
        for name, value in list(vars(module).items()):
            if value is obj:
                line = astindex.module_assignment_line(filename, name)
                if line:
                    return (filename, line, "<module>")
    return None
