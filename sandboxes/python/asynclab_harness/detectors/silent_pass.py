"""Silent pass, the test-runner form: an async test that nobody ran.

In strict mode (pytest-asyncio 0.20's default) an `async def test_...` without
`@pytest.mark.asyncio` is not collected as async. Plain pytest then calls it, gets a coroutine
object it cannot drive, warns in a summary nobody reads and reports the test as skipped: the run
looks fine and not one line of the test ran. The other forms of silent pass (`assert coro()`,
assertions in coroutines or tasks nobody awaited) are found where the coroutine is dropped
(coroutines.py, loop_errors.py).
"""

import inspect

from .. import astindex
from ..context import harness
from . import coroutines

SKIP_REASON = "async def function"


def check(item, report) -> None:
    if report.when == "call" and report.passed:
        _check_unittest(item, report)
    if report.when != "call" or not report.skipped:
        return
    func = getattr(item, "obj", None)
    code = getattr(func, "__code__", None)
    if code is None or SKIP_REASON not in _skip_reason(report):
        return
    if item.get_closest_marker("asyncio") is not None:
        return
    is_async = inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func)
    where = (code.co_filename, astindex.def_line(code.co_filename, code), code.co_name)
    if not harness.ws.kind(where[0]):
        return
    coroutines.silent_test_functions.add(code)
    if is_async:
        message = (f"async test `{code.co_name}` at {harness.place(where)} never ran: it has no "
                   f"`@pytest.mark.asyncio`, so in strict mode pytest skipped it")
    else:
        message = (f"test `{code.co_name}` at {harness.place(where)} returned a coroutine instead of "
                   f"running it, so pytest skipped it")
    evidence = (f"{report.nodeid} SKIPPED: {_skip_reason(report)}\n"
                f"PytestUnhandledCoroutineWarning: async def functions are not natively supported "
                f"and have been skipped.")
    harness.report("silent-pass", where, message, evidence, test=report.nodeid)


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


def _check_unittest(item, report) -> None:
    """`async def test_...` on a plain unittest.TestCase: TestCase calls the method like any
    other, gets a coroutine object back, drops it and reports a pass (Python 3.11 only adds a
    DeprecationWarning). IsolatedAsyncioTestCase is the class that runs async tests."""
    import unittest
    cls = getattr(item, "cls", None)
    if not isinstance(cls, type) or not issubclass(cls, unittest.TestCase) \
            or issubclass(cls, unittest.IsolatedAsyncioTestCase):
        return
    func = getattr(item, "obj", None)
    func = getattr(func, "__func__", func)
    if not inspect.iscoroutinefunction(func):
        return
    code = func.__code__
    where = (code.co_filename, astindex.def_line(code.co_filename, code), code.co_name)
    if harness.ws.kind(where[0]) != "learner":
        return
    coroutines.silent_test_functions.add(code)
    message = (f"async test `{cls.__name__}.{code.co_name}` at {harness.place(where)} never ran: a plain "
               f"`unittest.TestCase` calls it like a normal method, gets a coroutine back and drops "
               f"it, so the test passes without running a line")
    evidence = (f"{report.nodeid} PASSED\nDeprecationWarning: It is deprecated to return a value that "
                f"is not None from a test case\nRuntimeWarning: coroutine '{code.co_qualname}' was never "
                f"awaited")
    harness.report("silent-pass", where, message, evidence, test=report.nodeid,
                   hint_extra="Derive the class from `unittest.IsolatedAsyncioTestCase`.")
