"""The child's harness: pytest + the runtime detectors, in the learner's process.

In the sandbox the supervisor (asynclab_supervisor, docs/trust-model.md) starts this as uid 10001
with `main(channel_fd=3)`: the report goes to the supervisor over that socket, as data it checks;
nothing here is trusted, because learner code shares this process. Run alone
(`python3 -m asynclab_harness`, the harness's own tests) it prints the sentinel line with
ASYNCLAB_REPORT_NONCE and the report on stdout, as version 1 of the contract did.
"""

import os
import sys
import time

T_START = time.perf_counter()
NONCE_ENV = "ASYNCLAB_REPORT_NONCE"


def main(channel_fd=None, go_fd=None) -> None:
    global T_START
    if channel_fd is not None:
        import socket
        from . import grade
        grade.connect(socket.socket(fileno=channel_fd))
        report_fd, nonce = None, ""
        if go_fd is not None:
            _warm_up(go_fd)
            T_START = time.perf_counter()
    else:
        nonce = os.environ.pop(NONCE_ENV, "")
        _scrub_initial_environment(NONCE_ENV)
        report_fd = os.dup(1)  # the real stdout, whatever learner code later does to fd 1 or sys.stdout
    _REPORT_FD[0], _NONCE[0] = report_fd, nonce
    try:
        report = _run(append_root=channel_fd is not None)
    except BaseException:
        import traceback
        traceback.print_exc()
        _exit()
        return
    _emit(report_fd, nonce, report)
    _exit()


def _warm_up(go_fd: int) -> None:
    """Does the imports before any learner file exists, says so, and waits for the supervisor's go.

    Only the harness's own modules and pytest's load here: /work is not on sys.path yet, and the
    learner's files are not even in it until the supervisor lets this process go."""
    import pytest
    import pytest_asyncio
    from . import grade, plugin, report, runconfig
    from .detectors import blocking, coroutines, loop, resources, timeouts, unraisable, watchdog
    from .static import witness
    _PRELOADED.extend((pytest, pytest_asyncio, plugin, report, runconfig, blocking, coroutines, loop,
                       resources, timeouts, unraisable, watchdog, witness))
    grade._send({"op": "ready"})
    os.read(go_fd, 1)  # the go byte, or end of file if the supervisor went away: either way, on
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, go_fd)
    os.close(devnull)


def _run(append_root: bool = False) -> dict:
    import gc
    import warnings

    root = os.getcwd()
    import pytest
    import pytest_asyncio

    from . import grade
    # Imported before /work is on sys.path, so a submitted file never shadows them (the hidden
    # checks' drivers import grade).
    _PRELOADED.extend((pytest_asyncio, grade))

    from . import report as report_mod
    from .context import harness
    from .detectors import (blocking, coroutines, loop, resources, timeouts, unraisable,
                            watchdog)
    from .plugin import HarnessPlugin
    from .runconfig import load
    from .static import witness
    if root not in sys.path:
        # Tests in tests/ or hidden/ import the learner's modules. Under the supervisor /work goes
        # last, after everything the harness imports, so no submitted file can shadow it.
        sys.path.append(root) if append_root else sys.path.insert(0, root)

    config = load(root)
    harness.setup(config)
    warnings.simplefilter("always", ResourceWarning)
    coroutines.install()
    loop.install()
    resources.install()
    resources.install_warning_tap()
    blocking.install(config.blocking_threshold_ms)
    timeouts.install(config.per_test_timeout_sec)
    unraisable.install()

    plugin = HarnessPlugin()

    def emergency():
        _emergency(plugin, witness, report_mod)

    dog = watchdog.Watchdog(emergency)
    plugin.watchdog = dog
    dog.start()

    args = list(config.test_paths) + [
        "-p", "no:cacheprovider",        # /work is read-only
        "-p", "no:unraisableexception",  # the harness's own hook sees every unraisable instead
        "-W", "always::ResourceWarning",
        "--rootdir", root,
    ]
    exit_code = pytest.main(args, plugins=[plugin])
    dog.stop()
    gc.collect()
    run_outcome = None
    if exit_code in (pytest.ExitCode.USAGE_ERROR, pytest.ExitCode.INTERNAL_ERROR) \
            and not plugin.tests and not plugin.collect_errors:
        run_outcome = {"kind": "import-error",
                       "message": "pytest could not start: a conftest.py or the test configuration "
                                  "failed to load (see the output above)"}
    static_findings = witness.run(harness.ws, harness.asyncio_strict)
    total_ms = (time.perf_counter() - T_START) * 1000
    return report_mod.build(plugin, static_findings, total_ms, run_outcome)


def _emergency(plugin, witness, report_mod) -> None:
    """From the watchdog thread: the current test cannot be stopped. Report what we have."""
    from .context import harness
    from .detectors import timeouts
    test = harness.current_test
    record = plugin.tests.get(test)
    if record is not None:
        record.outcome = "failed"
        record.message = (f"stopped: the test ran past its {timeouts.clock.limit:g} s limit and could "
                          f"not be interrupted; the remaining tests were not run")
    if test is not None and "timeout" not in harness.collector.codes_in_test(test):
        from .workspace import stack_of
        frame = sys._current_frames().get(harness.main_thread)
        where = harness.ws.pick(stack_of(frame)) if frame is not None else None
        if where is not None:
            harness.report("timeout", where,
                           f"the test ran past its {timeouts.clock.limit:g} s limit at "
                           f"{harness.place(where)} and could not be interrupted",
                           "The per-test limit expired and the test ignored the stop request.",
                           test=test)
    try:
        static_findings = witness.run(harness.ws, harness.asyncio_strict)
    except Exception:
        static_findings = []
    total_ms = (time.perf_counter() - T_START) * 1000
    _emit(_REPORT_FD[0], _NONCE[0], report_mod.build(plugin, static_findings, total_ms))
    _exit()


_PRELOADED = []
_REPORT_FD = [1]
_NONCE = [""]


def _emit(fd, nonce: str, report: dict) -> None:
    from .report import dump
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    if fd is None:
        from . import grade
        grade.send_report(report)
        return
    data = f"\n@@ASYNCLAB-REPORT {nonce}@@\n{dump(report)}\n".encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]


def _exit() -> None:
    # os._exit: learner atexit handlers and finalizers must not print after the report.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(0)


def _scrub_initial_environment(name: str) -> None:
    """Removing the nonce from os.environ leaves it in the process's initial environment block,
    which /proc/self/environ shows. Overwrite it there too, so learner code cannot read it."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        start, end = int(fields[47]), int(fields[48])  # env_start, env_end (proc(5) fields 50, 51)
        import ctypes
        block = ctypes.string_at(start, end - start)
        key = name.encode() + b"="
        at = block.find(key)
        if at >= 0:
            value_end = block.find(b"\0", at)
            value_end = len(block) if value_end < 0 else value_end
            first = at + len(key)
            ctypes.memset(start + first, ord("0"), value_end - first)
    except Exception:
        pass


if __name__ == "__main__":
    main()
