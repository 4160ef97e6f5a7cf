"""Whose file is this? And where in a stack is the learner's own frame?

Every diagnostic must point into the learner's files, never at the harness, pytest or the
standard library. The runtime reports places elsewhere (a warning raised inside asyncio, a
coroutine made inside unittest.mock), so each detector walks its stack through `pick()`.

A stack here is a list of `(filename, lineno, funcname)` tuples, innermost first, the same shape
as `coroutine.cr_origin`, so origins, tracebacks and live frames all go through one walker.
"""

import os
from typing import Iterable, List, Optional, Tuple

Frame = Tuple[str, int, str]

CO_COROUTINE = 0x80
TEST_FILE_PREFIX = "test_"


class Workspace:
    def __init__(self, root: str, learner_files: Iterable[str]):
        self.root = os.path.realpath(root)
        self._learner = {self._norm(os.path.join(self.root, f)) for f in learner_files}
        self._kinds = {}

    @staticmethod
    def _norm(path: str) -> str:
        return os.path.normpath(os.path.realpath(path))

    def kind(self, filename: str) -> Optional[str]:
        """'learner', 'lab' (the lab's own files in /work, e.g. hidden tests) or None."""
        try:
            return self._kinds[filename]
        except KeyError:
            pass
        kind = None
        if filename and not filename.startswith("<"):
            path = self._norm(filename if os.path.isabs(filename) else os.path.join(self.root, filename))
            inside = path.startswith(self.root + os.sep)
            if inside and path.endswith(".py") and os.sep + ".asynclab" + os.sep not in path:
                if not self._learner or path in self._learner:
                    kind = "learner"
                else:
                    kind = "lab"
        self._kinds[filename] = kind
        return kind

    def rel(self, filename: str) -> str:
        path = self._norm(filename)
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def is_test_file(self, filename: str) -> bool:
        base = os.path.basename(filename)
        return base.startswith(TEST_FILE_PREFIX) or base.endswith("_test.py") or base == "conftest.py"

    def pick(self, stack: Iterable[Frame]) -> Optional[Frame]:
        """The innermost learner frame; a lab frame only when no learner frame exists."""
        lab = None
        for entry in stack:
            kind = self.kind(entry[0])
            if kind == "learner":
                return entry
            if kind == "lab" and lab is None:
                lab = entry
        return lab

    def relocate(self, text: str) -> str:
        """Paths in messages are shown relative to the submission."""
        return text.replace(self.root + os.sep, "")


def stack_of(frame, stop_at_loop: bool = False) -> List[Frame]:
    """A live frame and its callers, innermost first.

    With stop_at_loop, the walk ends where the event loop called in (`_run_once`): what made a
    socket or a task inside a loop callback is that callback, not the sync code that started
    the loop (a test's `asyncio.run(...)` line would be a wrong answer)."""
    out = []
    while frame is not None:
        code = frame.f_code
        if stop_at_loop and code.co_name == "_run_once" and code.co_filename.endswith("base_events.py"):
            break
        out.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return out


def stack_of_tb(tb) -> List[Frame]:
    """A traceback's entries, innermost first."""
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    out.reverse()
    return out


def enclosing_async_def(ws: Workspace, frame) -> Optional[Tuple[str, str, int]]:
    """The nearest `async def` in the learner's files at or above `frame`: (name, file, line)."""
    while frame is not None:
        code = frame.f_code
        if code.co_flags & CO_COROUTINE and ws.kind(code.co_filename):
            return code.co_name, code.co_filename, frame.f_lineno
        frame = frame.f_back
    return None


def format_exception(ws: Workspace, exc, limit: int = 2500) -> str:
    """A traceback as evidence: the learner's (and lab's) frames and the error line; the loop's,
    pytest's and the harness's own frames in between say nothing to the learner."""
    import linecache
    import traceback
    lines = ["Traceback (learner frames, most recent call last):"]
    for filename, lineno, func in reversed(stack_of_tb(exc.__traceback__)):
        if ws.kind(filename):
            lines.append(f'  File "{ws.rel(filename)}", line {lineno}, in {func}')
            source = linecache.getline(filename, lineno).strip()
            if source:
                lines.append(f"    {source}")
    lines.extend(traceback.format_exception_only(type(exc), exc))
    return "\n".join(line.rstrip("\n") for line in lines)[-limit:]
