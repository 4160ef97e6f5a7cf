"""Mocks that lie about awaiting.

- sync-mock-awaited: a plain Mock/MagicMock stands in for a coroutine function, so `await` gets a
  mock instead of a coroutine and raises TypeError. The line to change is the test line that
  built the mock, so the harness remembers where each root mock was made (a light wrapper on
  NonCallableMock.__init__) and, from the failing `await`, finds which mock was awaited.
- asyncmock-not-awaited, second form: a test checks an AsyncMock with `assert_called*`, which
  stays green when the code forgot to await. Those methods are wrapped on AsyncMockMixin only.

unittest.mock is patched only once the learner's code has imported it (checked after collection
and before each test), so runs that never use mocks pay nothing.
"""

import ast
import collections
import inspect
import re
import sys

from .. import astindex
from ..context import harness
from ..workspace import format_exception, stack_of

# The type named is whatever the mock returned (a MagicMock, or the dict set as return_value).
AWAIT_ERRORS = (
    re.compile(r"object (\w+) can't be used in 'await' expression"),
    re.compile(r"'(\w+)' object does not support the asynchronous context manager protocol"),
    re.compile(r"'async for' requires an object with __aiter__ method, got (\w+)"),
)
CALLED_CHECKS = ("assert_called", "assert_called_once", "assert_called_with",
                 "assert_called_once_with", "assert_any_call", "assert_has_calls")
SITE = "_asynclab_site"
_installed = False
async_mock_type = None  # unittest.mock.AsyncMockMixin, once the learner's code uses mocks
_MOCK_FILE = ""  # unittest/mock.py, once installed
# The last calls of mocks, with the learner line that made each. By the time the TypeError is
# looked at, `patch` may have put the real function back, so the frame no longer shows the mock.
_recent_calls = collections.deque(maxlen=64)


def end_test() -> None:
    _recent_calls.clear()


def maybe_install() -> None:
    global _installed, _MOCK_FILE, async_mock_type
    if _installed or "unittest.mock" not in sys.modules:
        return
    _installed = True
    from unittest import mock
    _MOCK_FILE = mock.__file__
    async_mock_type = mock.AsyncMockMixin

    original_init = mock.NonCallableMock.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        own = self.__dict__
        if own.get("_mock_parent") is None and own.get("_mock_new_parent") is None:
            try:
                self.__dict__[SITE] = _creation_site()
            except Exception:
                pass

    mock.NonCallableMock.__init__ = __init__

    original_increment = mock.CallableMixin._increment_mock_call

    def _increment_mock_call(self, *args, **kwargs):
        try:
            if not isinstance(self, mock.AsyncMockMixin):
                where = harness.ws.pick(stack_of(sys._getframe(2), stop_at_loop=True))
                _recent_calls.append((self, where))
        except Exception:
            pass
        return original_increment(self, *args, **kwargs)

    mock.CallableMixin._increment_mock_call = _increment_mock_call

    original_execute = mock.CallableMixin._execute_mock_call  # AsyncMock has its own

    def _execute_mock_call(self, *args, **kwargs):
        result = original_execute(self, *args, **kwargs)
        try:
            _check_awaited_result(self, result)
        except Exception:
            pass
        return result

    mock.CallableMixin._execute_mock_call = _execute_mock_call
    for name in CALLED_CHECKS:
        _wrap_called_check(mock, name)


def _creation_site():
    frame = sys._getframe(2)
    site = harness.ws.pick(stack_of(frame))
    if site is not None:
        return site
    # Made by @patch(...) before the test function runs: remember what was patched, and find
    # the decorator line later in the test's source.
    while frame is not None:
        patcher = frame.f_locals.get("self")
        if frame.f_code.co_name == "__enter__" and hasattr(patcher, "attribute"):
            return ("patch", getattr(patcher, "attribute", ""))
        frame = frame.f_back
    return None


def _wrap_called_check(mock, name):
    original = getattr(mock.NonCallableMock, name)

    def check(self, *args, **kwargs):
        try:
            _called_check(self, name)
        except Exception:
            pass
        return original(self, *args, **kwargs)

    check.__name__ = name
    setattr(mock.AsyncMockMixin, name, check)


def _called_check(amock, name):
    where = harness.ws.pick(stack_of(sys._getframe(2)))
    if where is None:
        return
    label = astindex.call_text(where[0], where[1], name)
    label = label.rsplit(".", 1)[0] if label else amock._extract_mock_name()
    dropped = amock.await_count < amock.call_count
    awaited_name = name.replace("called", "awaited").replace("assert_any_call", "assert_any_await")
    awaited_name = awaited_name.replace("assert_has_calls", "assert_has_awaits")
    if dropped:
        message = (f"`{label}.{name}()` at {harness.place(where)} passes although the AsyncMock was "
                   f"called {amock.call_count} time(s) and awaited only {amock.await_count}: the code "
                   f"under test forgot an `await`")
    else:
        message = (f"`{label}.{name}()` at {harness.place(where)} checks calls, not awaits: it would "
                   f"still pass if the code forgot to await `{label}`; use `{awaited_name}()`")
    evidence = (f"{label}: call_count={amock.call_count}, await_count={amock.await_count}\n"
                f"{astindex.source_line(where[0], where[1])}")
    harness.report("asyncmock-not-awaited", where, message, evidence,
                   severity="error" if dropped else "warning")


def scheduled_callback(amock, how: str) -> None:
    """`loop.call_soon(notifier.send, ...)` with an AsyncMock: the loop will call it like a plain
    callback and drop the coroutine it returns, outside any task and far from any learner frame
    (so the dropped coroutine itself cannot be traced back). The learner's line is this one."""
    try:
        caller = sys._getframe(2)
        if harness.ws.kind(caller.f_code.co_filename) != "learner":
            return  # scheduled by asyncio or a library on the learner's behalf: not this line
        where = (caller.f_code.co_filename, caller.f_lineno, caller.f_code.co_name)
        name = amock._extract_mock_name()
        call = astindex.call_text(where[0], where[1], how) or how
        message = (f"AsyncMock `{name}` is scheduled with `{call}(...)` at {harness.place(where)}: the "
                   f"loop calls it like a plain callback, so the coroutine it returns is dropped and "
                   f"never awaited")
        evidence = (f"{how}({name}, ...) with an AsyncMock callback:\n"
                    f'  File "{harness.ws.rel(where[0])}", line {where[1]}, in {where[2]}\n'
                    f"    {astindex.source_line(where[0], where[1])}\n"
                    f"RuntimeWarning: coroutine 'AsyncMockMixin._execute_mock_call' was never awaited")
        harness.report("asyncmock-not-awaited", where, message, evidence,
                       hint_extra="Schedule a task instead: `asyncio.create_task(mock(...))`, or "
                                  "`asyncio.run_coroutine_threadsafe(mock(...), loop)` from a thread.")
    except Exception:
        pass


def check_exception(exc, test="current") -> bool:
    """A TypeError from awaiting a plain mock: report it at the line that built the mock."""
    if not isinstance(exc, TypeError):
        return False
    text = str(exc)
    got = next((m.group(1) for m in (p.search(text) for p in AWAIT_ERRORS) if m), None)
    if got is None or "unittest.mock" not in sys.modules:
        return False
    awaited_at, mock_obj, text_label = _awaited_mock(exc.__traceback__)
    from unittest import mock
    if not isinstance(mock_obj, mock.NonCallableMock):
        mock_obj = next((m for m, site in reversed(_recent_calls) if site == awaited_at), None)
    if awaited_at is None or not isinstance(mock_obj, mock.NonCallableMock) \
            or isinstance(mock_obj, mock.AsyncMockMixin):
        return False  # not a mock standing in for a coroutine function: a plain bug, not this one
    kind = type(mock_obj).__mro__[1].__name__  # each mock has its own subclass; name the real one
    site, label = _mock_site(mock_obj)
    where = site or awaited_at
    label = text_label or label or kind
    message = (f"`{label}` is a plain {kind}, but the code awaits its result at "
               f"{harness.place(awaited_at)}: a {kind} call does not return a coroutine")
    if site is not None:
        message = (f"`{label}` comes from the {kind} built at {harness.place(site)}, but the code "
                   f"awaits its result at {harness.place(awaited_at)}: a {kind} call does not return "
                   f"a coroutine, so use AsyncMock")
    evidence = format_exception(harness.ws, exc)
    harness.report("sync-mock-awaited", where, message, evidence, test=test)
    return True


def _check_awaited_result(mock_obj, result) -> None:
    """A plain mock's call whose result the learner's code awaits, seen as the call returns.

    The await that follows raises TypeError, but code that catches it (a broad `except
    Exception`, `gather(..., return_exceptions=True)`, a retry loop, a health check that turns
    errors into "down") hides it from everyone. The call is the await's operand when the
    instruction making it spans exactly the `x` of an `await x` in the source; a result that
    is awaitable (a side_effect coroutine function, a Future) is fine.
    """
    if inspect.isawaitable(result):
        return
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == _MOCK_FILE:
        frame = frame.f_back
    if frame is None or not harness.ws.kind(frame.f_code.co_filename):
        return
    if not astindex.awaited_call_at(frame.f_code, frame.f_lasti):
        return
    awaited_at = (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)
    kind = type(mock_obj).__mro__[1].__name__
    site, label = _mock_site(mock_obj)
    call = astindex.source_line(awaited_at[0], awaited_at[1])
    label = label or kind
    message = (f"`{label}` is a plain {kind}, but the code awaits its result at "
               f"{harness.place(awaited_at)}: the await raises TypeError, and the code caught it, so "
               f"nothing surfaced")
    if site is not None:
        message = (f"`{label}` comes from the {kind} built at {harness.place(site)}, but the code "
                   f"awaits its result at {harness.place(awaited_at)}: a {kind} call does not return "
                   f"a coroutine, so use AsyncMock")
    evidence = (f"await on the result of a {kind} call (a {type(result).__name__}, not awaitable):\n"
                f'  File "{harness.ws.rel(awaited_at[0])}", line {awaited_at[1]}, in {awaited_at[2]}\n'
                f"    {call}\n"
                f"TypeError: object {type(result).__name__} can't be used in 'await' expression")
    harness.report("sync-mock-awaited", site or awaited_at, message, evidence)


def _awaited_mock(tb):
    """The learner's awaiting line, and the mock object it awaited (found from the frame)."""
    frame_obj, where = None, None
    while tb is not None:
        code = tb.tb_frame.f_code
        if harness.ws.kind(code.co_filename):
            frame_obj, where = tb.tb_frame, (code.co_filename, tb.tb_lineno, code.co_name)
        tb = tb.tb_next
    if where is None:
        return None, None, None
    expr = astindex.await_target(where[0], where[1])
    if expr is None:
        return where, None, None
    target = expr.func if isinstance(expr, ast.Call) else expr
    return where, astindex.resolve(target, frame_obj), ast.unparse(target)


def _mock_site(mock_obj):
    """Walk a child mock up to the root the test built, and return where that was."""
    node, label = mock_obj, None
    while node is not None:
        site = getattr(node, "__dict__", {}).get(SITE)
        if site is not None:
            try:
                label = node._extract_mock_name()
            except Exception:
                label = None
            if site[0] == "patch":
                site = _patch_decorator_line(site[1])
            return site, label
        node = getattr(node, "__dict__", {}).get("_mock_new_parent")
    return None, None


def _patch_decorator_line(attribute):
    """@patch("news.client") on the running test: the decorator line that names `attribute`."""
    func = harness.current_function
    while hasattr(func, "__wrapped__"):  # @patch wraps the test function
        func = func.__wrapped__
    if func is None:
        return None
    code = func.__code__
    node = astindex.function_at(code.co_filename, code.co_name, code.co_firstlineno)
    for deco in getattr(node, "decorator_list", []):
        text = ast.unparse(deco)
        if attribute and attribute in text:
            return (code.co_filename, deco.lineno, code.co_name)
    return None

