"""Where is a paused task, really?

A task that waits is a chain of paused coroutines: the task's coroutine awaits another one
(`cr_await`), which awaits another, down to the Future the task is parked on (`_fut_waiter`).
The learner's line that matters is the deepest one in their files, not the outermost coroutine,
so deadlock, timeout and cancellation reports all walk the whole chain here.
"""

import asyncio
import gc
import os
from typing import List, Optional

from ..context import harness


class TaskView:
    """A pending task: its chain of paused frames (outermost first) and what it waits on."""

    def __init__(self, task):
        self.task = task
        self.frames = chain_frames(task.get_coro())
        self.waiter = getattr(task, "_fut_waiter", None)

    @property
    def name(self) -> str:
        coro = self.task.get_coro()
        return getattr(coro, "__qualname__", None) or self.task.get_name()

    def learner_frame(self):
        """The deepest frame in the learner's (or lab's) files."""
        ws = harness.ws
        best = None
        for frame in reversed(self.frames):
            kind = ws.kind(frame.f_code.co_filename)
            if kind == "learner":
                return frame
            if kind == "lab" and best is None:
                best = frame
        return best

    def where(self):
        frame = self.learner_frame()
        if frame is None:
            return None
        return (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)

    def waits_on_tasks(self) -> list:
        """Pending tasks this one waits for (an awaited task, a gather, a TaskGroup)."""
        out = []
        waiter = self.waiter
        if isinstance(waiter, asyncio.Task):
            out.append(waiter)
        children = getattr(waiter, "_children", None)  # asyncio.gather's outer future
        if children:
            out.extend(c for c in children if isinstance(c, asyncio.Task))
        for frame in self.frames:
            group = frame.f_locals.get("self") if frame.f_code.co_name == "__aexit__" else None
            if isinstance(group, getattr(asyncio, "TaskGroup", ())):
                out.extend(getattr(group, "_tasks", ()))
        return [t for t in out if not t.done()]

    def describe(self) -> str:
        """What the task is parked on, in words ("waits to acquire Lock `lock`")."""
        # Outermost library frame first: Queue.join() is what the learner wrote, not the Event
        # inside it that join() waits on.
        library = []
        for frame in reversed(self.frames):
            if harness.ws.kind(frame.f_code.co_filename):
                break
            library.append(frame)
        for frame in reversed(library):
            text = _describe_library_frame(frame, self.learner_frame())
            if text:
                return text
        waiter = self.waiter
        if isinstance(waiter, asyncio.Task):
            return f"waits for task `{_task_name(waiter)}`"
        if getattr(waiter, "_children", None):
            return "waits for `gather(...)` of tasks that are themselves stuck"
        if waiter is not None:
            return "waits on a Future that nothing will ever resolve"
        return "is paused"

    def format_stack(self) -> str:
        lines = [f"Task `{self.task.get_name()}` ({self.name}) {self.describe()}:"]
        for frame in self.frames:
            filename = frame.f_code.co_filename
            shown = harness.ws.rel(filename) if harness.ws.kind(filename) else _short(filename)
            lines.append(f'  File "{shown}", line {frame.f_lineno}, in {frame.f_code.co_name}')
            text = _line(filename, frame.f_lineno)
            if text:
                lines.append(f"    {text}")
        return "\n".join(lines)


def chain_frames(obj) -> list:
    frames = []
    seen = set()
    while obj is not None and id(obj) not in seen:
        seen.add(id(obj))
        frame = (getattr(obj, "cr_frame", None) or getattr(obj, "gi_frame", None)
                 or getattr(obj, "ag_frame", None))
        if frame is not None:
            frames.append(frame)
        nxt = (getattr(obj, "cr_await", None) or getattr(obj, "gi_yieldfrom", None)
               or getattr(obj, "ag_await", None))
        if nxt is None and type(obj).__name__ in ("async_generator_asend", "async_generator_athrow"):
            # These wrappers do not expose their generator; the garbage collector knows it.
            nxt = next((r for r in gc.get_referents(obj) if type(r).__name__ == "async_generator"), None)
        obj = nxt
    return frames


def pending_views(loop) -> List[TaskView]:
    try:
        tasks = asyncio.all_tasks(loop)
    except RuntimeError:
        tasks = set()
    return [TaskView(t) for t in tasks if not t.done()]


def prefer_learner(views: List[TaskView]) -> List[TaskView]:
    """The views to report: those stuck in the learner's files, when there are any. A task that
    waits only in the lab's own files (a test's fake server) is part of the scene, shown in the
    evidence, not a bug of its own: the spec points into lab files only when no learner line exists."""
    ws = harness.ws
    learner = [v for v in views if v.where() is not None and ws.kind(v.where()[0]) == "learner"]
    return learner or views


def root_views(views: List[TaskView]) -> List[TaskView]:
    """The tasks a hang starts from: those waiting on something that is not another stuck task,
    plus those waiting on each other in a cycle. A task that only waits for a stuck child is a
    consequence, not a cause."""
    by_task = {v.task: v for v in views}
    edges = {v.task: [t for t in v.waits_on_tasks() if t in by_task] for v in views}
    roots = [v for v in views if not edges[v.task]]

    def reaches(start, target, seen):
        for nxt in edges.get(start, ()):
            if nxt is target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, target, seen):
                    return True
        return False

    cyclic = [v for v in views if edges[v.task] and reaches(v.task, v.task, set())]
    out = roots + [v for v in cyclic if v not in roots]
    return out or list(views)


def name_in_frame(obj, frame) -> Optional[str]:
    """How the learner's code calls this object: a local, `self.<attr>` or a global."""
    if frame is None:
        return None
    for key, value in frame.f_locals.items():
        if value is obj:
            return key
    owner = frame.f_locals.get("self")
    if owner is not None:
        for key, value in getattr(owner, "__dict__", {}).items():
            if value is obj:
                return f"self.{key}"
    for key, value in frame.f_globals.items():
        if value is obj:
            return key
    return None


def _describe_library_frame(frame, learner_frame) -> Optional[str]:
    code = frame.f_code
    base = os.path.basename(code.co_filename)
    owner = frame.f_locals.get("self")
    kind = type(owner).__name__ if owner is not None else ""
    label = name_in_frame(owner, learner_frame) if owner is not None else None
    named = f"{kind} `{label}`" if label else kind
    if base == "locks.py" and code.co_name == "acquire":
        return f"waits to acquire {named}"
    if base == "locks.py" and code.co_name == "wait":
        return f"waits for {named} to be set" if kind == "Event" else f"waits on {named}"
    if base == "queues.py" and code.co_name == "join":
        unfinished = getattr(owner, "_unfinished_tasks", "?")
        return (f"waits in {named}.join() for {unfinished} item(s) that no consumer will mark "
                f"task_done()")
    if base == "queues.py" and code.co_name == "get":
        return f"waits for an item from the empty {named}"
    if base == "queues.py" and code.co_name == "put":
        return f"waits for room in the full {named}"
    if base == "tasks.py" and code.co_name == "sleep":
        return "is sleeping in asyncio.sleep()"
    if base == "taskgroups.py":
        return "waits for the tasks of its TaskGroup"
    if base == "streams.py":
        return f"waits for data in {code.co_name}()"
    return None


def _task_name(task) -> str:
    coro = task.get_coro()
    return getattr(coro, "__qualname__", None) or task.get_name()


def _short(filename: str) -> str:
    parts = filename.replace("\\", "/").split("/")
    return "/".join(parts[-2:])


def _line(filename: str, line: int) -> str:
    import linecache
    return linecache.getline(filename, line).strip()
