"""The pytest hooks: when each detector runs, and what pytest tells the report.

Kept thin on purpose: each hook forwards to a detector (detectors/) or records a result for
report.py. The order of events per test:

  protocol start  -> current test set, time budget starts
  setup/call/teardown -> SIGALRM armed for the remaining budget; after a verdict, leftover tasks
                     of the test's loop are cancelled so they do not leak into the next test
  makereport      -> exceptions the test died of are classified (wrong loop, awaited plain mock)
  protocol end    -> forced garbage collection, so coroutines and tasks dropped by this test are
                     finalized (and reported) while it is still the current test
"""

import asyncio
import gc
import signal
import time

import pytest

from .context import harness
from .detectors import (cancellation, coroutines, loop_errors, mocks, resources, silent_pass,
                        timeouts, wrong_loop)
from .detectors.verdicts import HarnessVerdict

CLEANUP_SEC = 1.0
END_OF_TEST_SEC = 2.0
# Tasks that ignored the harness's cancel after a verdict. Kept alive on purpose until the process
# ends (with os._exit): finalizing them would run their coroutine's except/finally again, and a
# bare `except:` in a loop never lets GeneratorExit through, which would hang the garbage collector.
_quarantine = []


class ResultRecord:
    def __init__(self, nodeid):
        self.id = nodeid
        self.outcome = "passed"
        self.duration = 0.0
        self.message = None


class HarnessPlugin:
    def __init__(self, watchdog=None):
        self.watchdog = watchdog
        self.tests = {}            # nodeid -> ResultRecord, in run order
        self.collect_errors = []   # (kind, message)
        self.t_collect_start = self.t_collect_end = self.t_tests_end = None
        self.exitstatus = None

    # --- configuration and collection -------------------------------------------------------

    def pytest_configure(self, config):
        try:
            from pytest_asyncio.plugin import Mode, _get_asyncio_mode
            harness.asyncio_strict = _get_asyncio_mode(config) == Mode.STRICT
        except Exception:
            harness.asyncio_strict = True

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collection(self, session):
        self.t_collect_start = time.perf_counter()
        yield
        self.t_collect_end = time.perf_counter()

    def pytest_collectreport(self, report):
        if report.failed:
            text = harness.ws.relocate(str(report.longrepr))
            tail = "\n".join(text.strip().splitlines()[-6:])
            kind = "syntax-error" if any(k in tail for k in ("SyntaxError", "IndentationError",
                                                             "TabError")) else "import-error"
            self.collect_errors.append((kind, _collect_message(text)))

    def pytest_collection_finish(self, session):
        for item in session.items:
            code = getattr(getattr(item, "function", None), "__code__", None)
            if code is not None:
                key = (code.co_filename, code.co_name)
                harness.test_functions.setdefault(key, []).append(item.nodeid)
        mocks.maybe_install()
        _collect_and_freeze()

    # --- one test -----------------------------------------------------------------------------

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        harness.current_test = item.nodeid
        harness.current_function = getattr(item, "function", None)
        self.tests[item.nodeid] = ResultRecord(item.nodeid)
        timeouts.start_test()
        if self.watchdog is not None:
            self.watchdog.deadline = timeouts.clock.deadline
            timeouts.clock.on_extend = self._extend_guard
        try:
            yield
        finally:
            timeouts.end_test()
            # Finalizers of this test's objects run learner code too: keep the last resort armed.
            self._guard(END_OF_TEST_SEC)
            self._end_of_test()
            self._guard(None)
            harness.current_test = None
            harness.current_function = None

    def _extend_guard(self, deadline):
        if self.watchdog is not None and self.watchdog.deadline is not None:
            self.watchdog.deadline = deadline

    def _guard(self, seconds):
        if self.watchdog is not None:
            self.watchdog.deadline = None if seconds is None else time.monotonic() + seconds

    def _end_of_test(self):
        try:
            _collect_and_freeze()
            coroutines.resolve()
            cancellation.check_finished()
            resources.prune()
            mocks.end_test()
        except HarnessVerdict:
            pass

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        yield from self._phase(item)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        yield from self._phase(item)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item):
        yield from self._phase(item)

    def _phase(self, item):
        mocks.maybe_install()
        timeouts.arm()
        try:
            yield
        finally:
            timeouts.disarm()
            if item.nodeid in harness.stopped_tests:
                _cancel_leftovers(item)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        try:
            exc = call.excinfo.value if call.excinfo is not None else None
            if isinstance(exc, HarnessVerdict):
                report.longrepr = _verdict_text(exc, item.nodeid)
            elif exc is not None:
                wrong_loop.check(exc)
                mocks.check_exception(exc)
            silent_pass.check(item, report)
        except Exception:
            pass

    def pytest_runtest_logreport(self, report):
        record = self.tests.get(report.nodeid)
        if record is None:
            record = self.tests[report.nodeid] = ResultRecord(report.nodeid)
        record.duration += getattr(report, "duration", 0.0) or 0.0
        if report.failed:
            if report.when == "call":
                record.outcome = "failed"
            elif record.outcome != "failed":
                record.outcome = "error"
            record.message = record.message or _failure_message(report)
        elif report.skipped and record.outcome == "passed":
            record.outcome = "skipped"
            record.message = _skip_message(report)

    # --- end of the session -------------------------------------------------------------------

    @pytest.hookimpl(hookwrapper=True, tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus):
        self.t_tests_end = time.perf_counter()
        self.exitstatus = exitstatus
        self._guard(END_OF_TEST_SEC)
        try:
            gc.unfreeze()
            gc.collect()
            coroutines.resolve()
            loop_errors.unretrieved_at_exit()
        except HarnessVerdict:
            pass
        self._guard(None)
        yield


def _collect_and_freeze():
    """Finalize what the test dropped, now, while it is still the current test.

    A full collection walks pytest's whole heap (30 ms a test); after each one, everything still
    alive is frozen (gc.freeze), so the next test's collection only looks at objects made since.
    Something frozen that becomes cyclic garbage later waits for the session's final collection.
    """
    gc.collect()
    gc.freeze()


def _cancel_leftovers(item):
    """After a verdict, the test's loop still holds its stuck tasks. Cancel them and let them
    unwind (their `finally` blocks run now, not at some later garbage collection), bounded in
    time, so nothing of this test leaks into the next one."""
    loop = getattr(item, "funcargs", {}).get("event_loop")
    if not isinstance(loop, asyncio.AbstractEventLoop) or loop.is_closed() or loop.is_running():
        return
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    if not tasks:
        return
    cancellation.harness_cancelling = True
    try:
        for task in tasks:
            task.cancel()
        timeouts.clock.fired = max(timeouts.clock.fired, 1)  # a hang here is not a new finding
        signal.setitimer(signal.ITIMER_REAL, CLEANUP_SEC * 2)
        loop.run_until_complete(asyncio.wait(tasks, timeout=CLEANUP_SEC))
    except BaseException:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        cancellation.harness_cancelling = False
        for task in tasks:
            if task.done() and not task.cancelled():
                task._log_traceback = False  # its failure was the verdict, already reported
            elif not task.done():
                _quarantine.append(task)


def _collect_message(text: str) -> str:
    """pytest's collection error without its own and the standard library's frames: the learner
    needs their file, line and the error, with paths relative to the submission."""
    out, skip_next = [], False
    for line in text.splitlines():
        if skip_next:
            skip_next = False
            if line.startswith("    "):
                continue
        if line.startswith(("/", "<frozen")):
            skip_next = True  # a frame outside the submission, and its source line below
            continue
        if line.strip() == "???":
            continue
        out.append(line[4:] if line.startswith("E   ") else line)
    return "\n".join(out).strip()


def _verdict_text(exc, nodeid) -> str:
    """The harness stopped this test: show why in learner terms, not the harness's own stack."""
    lines = [f"{type(exc).__name__}: {exc}"]
    for d in harness.collector.all():
        if d.test == nodeid and d.code in ("deadlock", "timeout", "cancellation-swallowed"):
            lines.append(f"\n[{d.code}] {d.file}:{d.line}: {d.message}\n{d.evidence}")
    return "\n".join(lines)


def _failure_message(report) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return harness.ws.relocate(crash.message)
    return harness.ws.relocate(str(report.longrepr).splitlines()[0] if report.longrepr else "")


def _skip_message(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "skipped")
