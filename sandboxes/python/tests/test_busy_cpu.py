"""A loaded machine is not the learner's bug: neither a blocking call nor a timeout.

On a busy worker (many sandboxes on two cores) a step of a task can take 100 ms of wall-clock time
without holding the loop at all: its thread sat on a run queue waiting for a CPU. Reporting that as
`blocking-call` would fail a correct submission because of its neighbours. The harness counts only
the time the step ran or blocked, not the time it waited for a CPU (/proc/thread-self/schedstat),
and a real blocking call on the same loaded CPU is still reported. The per-test time limit
likewise moves by the test's wait for a CPU, and a test that really hangs is still stopped.

The load is real: busy processes pinned to one CPU, and the learner's test pins its own thread to
that CPU while it runs (so the harness and pytest start, and go on after the test, at full speed on
the other one: pytest's thread is the loop's, and left pinned it would run the rest of the session
at a fortieth of a CPU).
"""

import os
import signal
import textwrap
from pathlib import Path

import pytest

from harness_run import run_submission

HOGS = 40  # runnable processes on one CPU: each waits about HOGS scheduler slices for its turn


def busy_cpu() -> int:
    return max(os.sched_getaffinity(0))


@pytest.fixture
def loaded_cpu():
    cpu = busy_cpu()
    hogs = []
    for _ in range(HOGS):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child spins until it is killed
            os.sched_setaffinity(0, {cpu})
            while True:
                pass
        hogs.append(pid)
    try:
        yield cpu
    finally:
        for pid in hogs:
            os.kill(pid, signal.SIGKILL)
        for pid in hogs:
            os.waitpid(pid, 0)


def needs_schedstat():
    if not Path("/proc/thread-self/schedstat").exists():
        pytest.skip("this kernel (or gVisor) has no schedstat: wall-clock time is all there is")


def pinning_fixture(tmp_path: Path, cpu: int) -> None:
    """`on_the_busy_cpu()` pins the test's thread to the loaded CPU until the test's teardown."""
    (tmp_path / "conftest.py").write_text(textwrap.dedent(f"""\
        import os

        import pytest


        @pytest.fixture
        def on_the_busy_cpu():
            every_cpu = os.sched_getaffinity(0)
            yield lambda: os.sched_setaffinity(0, {{{cpu}}})
            os.sched_setaffinity(0, every_cpu)
        """))


def submission(tmp_path: Path, cpu: int) -> Path:
    pinning_fixture(tmp_path, cpu)
    (tmp_path / "test_ticks.py").write_text(textwrap.dedent("""\
        import asyncio
        import time

        import pytest


        def work_a_little():
            # 5 ms of CPU: longer than a scheduler slice, so the step is preempted on the busy CPU
            end = time.thread_time() + 0.005
            while time.thread_time() < end:
                pass


        @pytest.mark.asyncio
        async def test_ticks_on_a_busy_cpu(on_the_busy_cpu):
            on_the_busy_cpu()
            longest = 0.0
            for _ in range(12):
                started = time.perf_counter()
                work_a_little()
                longest = max(longest, time.perf_counter() - started)
                await asyncio.sleep(0.005)
            # The premise: some step took longer than the 100 ms threshold in wall-clock time.
            assert longest > 0.15, f"the CPU was not busy enough: longest step {longest:.3f} s"


        @pytest.mark.asyncio
        async def test_sleeps_on_a_busy_cpu(on_the_busy_cpu):
            on_the_busy_cpu()
            await asyncio.sleep(0)
            time.sleep(0.4)  # a real blocking call
        """))
    return tmp_path


def test_waiting_for_a_cpu_is_not_a_blocking_call_but_time_sleep_still_is(tmp_path, loaded_cpu):
    needs_schedstat()
    run = run_submission(submission(tmp_path, loaded_cpu),
                         {"learnerFiles": ["test_ticks.py"], "perTestTimeoutSec": 30, "blockingThresholdMs": 100})
    tests = {t["id"]: t for t in run.report["tests"]}
    assert tests["test_ticks.py::test_ticks_on_a_busy_cpu"]["outcome"] == "passed", tests
    found = [(d["code"], d["location"]["line"], d.get("test")) for d in run.report["diagnostics"]]
    source = (tmp_path / "test_ticks.py").read_text().splitlines()
    sleep_line = next(n for n, text in enumerate(source, 1) if "a real blocking call" in text)
    assert found == [("blocking-call", sleep_line, "test_ticks.py::test_sleeps_on_a_busy_cpu")], run.report["diagnostics"]


def test_waiting_for_a_cpu_does_not_count_against_the_time_limit_but_a_hang_still_does(tmp_path, loaded_cpu):
    needs_schedstat()
    pinning_fixture(tmp_path, loaded_cpu)
    (tmp_path / "test_slow.py").write_text(textwrap.dedent("""\
        import asyncio
        import time

        import pytest


        @pytest.mark.asyncio
        async def test_little_work_on_a_busy_cpu(on_the_busy_cpu):
            on_the_busy_cpu()
            started = time.perf_counter()
            for _ in range(6):
                end = time.thread_time() + 0.004  # 24 ms of CPU in all
                while time.thread_time() < end:
                    pass
                await asyncio.sleep(0)
            # The premise: on this CPU it took longer than the 0.5 s limit in wall-clock time.
            assert time.perf_counter() - started > 0.5


        @pytest.mark.asyncio
        async def test_hangs_on_a_busy_cpu(on_the_busy_cpu):
            on_the_busy_cpu()
            await asyncio.sleep(30)  # a real hang
        """))
    run = run_submission(tmp_path, {"learnerFiles": ["test_slow.py"], "perTestTimeoutSec": 0.5, "blockingThresholdMs": 100})
    tests = {t["id"]: t for t in run.report["tests"]}
    assert tests["test_slow.py::test_little_work_on_a_busy_cpu"]["outcome"] == "passed", tests
    assert tests["test_slow.py::test_hangs_on_a_busy_cpu"]["outcome"] == "failed", tests
    found = [(d["code"], d.get("test")) for d in run.report["diagnostics"]]
    assert found == [("timeout", "test_slow.py::test_hangs_on_a_busy_cpu")], run.report["diagnostics"]
