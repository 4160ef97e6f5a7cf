"""The pure parts, without a subprocess: precedence, merging, and the source readers."""

import textwrap

from asynclab_harness import astindex
from asynclab_harness.diagnostics import Collector, Diagnostic, cut
from asynclab_harness.static import checks


def diag(code, line, test="t::a", source="runtime", file="news.py"):
    return Diagnostic(code=code, message=code, file=file, line=line, test=test, evidence="", source=source)


def test_same_bug_twice_is_one_diagnostic():
    sut = Collector()
    sut.add(diag("never-awaited", 3))
    sut.add(diag("never-awaited", 3))
    assert len(sut.finalize([])) == 1


def test_specific_codes_hide_never_awaited_at_the_same_line():
    sut = Collector()
    for code in ("never-awaited", "silent-pass"):
        sut.add(diag(code, 3))
    sut.add(diag("never-awaited", 4))
    assert sorted((d.code, d.line) for d in sut.finalize([])) == [("never-awaited", 4), ("silent-pass", 3)]


def test_deadlock_hides_timeout_in_the_same_test_only():
    sut = Collector()
    sut.add(diag("deadlock", 3, test="t::a"))
    sut.add(diag("timeout", 9, test="t::a"))
    sut.add(diag("timeout", 9, test="t::b"))
    assert sorted((d.code, d.test) for d in sut.finalize([])) == [("deadlock", "t::a"), ("timeout", "t::b")]


def test_static_and_runtime_merge():
    sut = Collector()
    sut.add(diag("blocking-call", 6))
    sut.add(diag("silent-pass", 8))
    static = [diag("blocking-call", 6, None, "static"), diag("never-awaited", 8, None, "static"),
              diag("cancellation-swallowed", 12, None, "static")]
    out = {(d.code, d.line): d for d in sut.finalize(static)}
    assert out[("blocking-call", 6)].source == "both"
    assert ("never-awaited", 8) not in out  # the runtime named that line more precisely
    only_static = out[("cancellation-swallowed", 12)]
    assert (only_static.source, only_static.to_json()["severity"], only_static.test) == ("static", "warning", None)


def test_cut_flags_truncation_within_the_byte_limit():
    text = cut("é" * 5000)
    assert len(text.encode()) <= 4096 and text.endswith("…[truncated]")
    assert cut("short") == "short"


def _tree(tmp_path, source, name="m.py"):
    path = tmp_path / name  # astindex caches by file name
    path.write_text(textwrap.dedent(source))
    return str(path), astindex.tree(str(path))


def test_swallowing_handler_sees_through_reraise(tmp_path):
    path, _ = _tree(tmp_path, """
        import asyncio
        async def a():
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                return 1
        async def b():
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                cleanup()
                raise
    """)
    assert astindex.swallowing_handler(path, 5).lineno == 6
    assert astindex.swallowing_handler(path, 10) is None


def test_cancel_then_await_idiom_is_not_flagged(tmp_path):
    _path, tree = _tree(tmp_path, """
        import asyncio
        async def stop(task):
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        async def worker():
            while True:
                try:
                    await asyncio.sleep(1)
                except:
                    pass
    """)
    assert [hit[:2] for hit in checks.swallowed_cancellations(tree)] == [("cancellation-swallowed", 13)]


def test_unmarked_tests_respect_module_marks(tmp_path):
    _path, tree = _tree(tmp_path, """
        import pytest
        pytestmark = pytest.mark.asyncio
        async def test_a():
            pass
    """)
    assert list(checks.unmarked_async_tests(tree, strict=True)) == []
    _path, tree = _tree(tmp_path, "async def test_b():\n    pass\n", "m2.py")
    assert [h[:2] for h in checks.unmarked_async_tests(tree, strict=True)] == [("silent-pass", 1)]
    assert list(checks.unmarked_async_tests(tree, strict=False)) == []


def test_a_long_step_is_a_blocking_call_when_it_held_the_loop_itself():
    from asynclab_harness.detectors.blocking import held_the_loop
    from asynclab_harness.detectors.cpuwait import CpuUse
    assert held_the_loop(0.30, CpuUse(ran=0.30, waited=0.0), 0.1)     # CPU work on a quiet machine
    assert held_the_loop(0.30, CpuUse(ran=0.0, waited=0.0), 0.1)      # time.sleep: not running, not waiting for a CPU
    assert held_the_loop(0.30, CpuUse(ran=0.04, waited=0.26), 0.1)    # a busy-wait on the clock on a busy CPU
    assert not held_the_loop(0.15, CpuUse(ran=0.005, waited=0.145), 0.1)  # a 5 ms step preempted
    assert not held_the_loop(0.17, CpuUse(ran=0.005, waited=0.15), 0.1)   # and a few ms of GIL hand-over
    assert not held_the_loop(0.09, CpuUse(ran=0.09, waited=0.0), 0.1)     # under the threshold
    # 4 ms of CPU, 292 ms on a run queue and 120 ms asleep on the GIL while the watchdog, itself
    # waiting for a CPU, took its sample (measured under load): the harness's time, not the code's
    assert not held_the_loop(0.412, CpuUse(ran=0.004, waited=0.292), 0.1, handed_over=0.13)
    assert held_the_loop(0.412, CpuUse(ran=0.004, waited=0.292), 0.1)


def test_the_watchdog_counts_a_gil_hand_over_only_when_it_had_to_ask_for_the_gil(monkeypatch):
    from asynclab_harness.detectors import blocking, watchdog
    monkeypatch.setattr(blocking.clock, "started", 1.0)
    monkeypatch.setattr(blocking.clock, "step", 7)
    monkeypatch.setattr(blocking.clock, "handed_over", 0.0)
    switch = 0.05
    monkeypatch.setattr(watchdog.sys, "getswitchinterval", lambda: switch)
    back_on_time = 10.0 + watchdog.SAMPLE_SEC + 0.002
    watchdog.Watchdog._note_handover(7, asked=10.0, got=back_on_time, now=back_on_time + 0.001)
    assert blocking.clock.handed_over == 0.0  # the GIL was free (a sleeping step): nothing to leave out
    late = 10.0 + watchdog.SAMPLE_SEC + switch + 0.08
    watchdog.Watchdog._note_handover(7, asked=10.0, got=late, now=late + 0.001)
    assert abs(blocking.clock.handed_over - 0.081) < 1e-9
    watchdog.Watchdog._note_handover(6, asked=10.0, got=late, now=late + 0.001)
    assert abs(blocking.clock.handed_over - 0.081) < 1e-9  # another step's hand-over is not this one's


def test_the_last_resort_gives_up_only_after_the_time_the_test_had(monkeypatch):
    from asynclab_harness.detectors import cpuwait, watchdog
    from asynclab_harness.detectors.cpuwait import CpuUse
    waits = {"waited": 0.0}
    monkeypatch.setattr(cpuwait, "since", lambda reading: CpuUse(ran=0.0, waited=waits["waited"]))
    dog = watchdog.Watchdog(emergency=lambda: None)
    assert not dog.given_up(100.0)  # no deadline: nothing to give up on
    dog.deadline = 10.0
    grace = watchdog.GRACE_SEC
    assert not dog.given_up(10.0 + grace)
    assert dog.given_up(10.0 + grace + 0.1)           # a quiet machine: wall-clock time is the time it had
    waits["waited"] = 2.0                              # it waited 2 s for a CPU since the deadline was set
    assert not dog.given_up(10.0 + grace + 1.9)
    assert dog.given_up(10.0 + grace + 2.1)
    waits["waited"] = 1000.0                           # credit is bounded: a hang is still ended
    assert dog.given_up(10.0 + grace + watchdog.MAX_WAIT_CREDIT_SEC + 0.1)


def test_the_time_limit_moves_by_the_gil_the_watchdog_took_as_well_as_by_the_cpu_wait(monkeypatch):
    from asynclab_harness.detectors import blocking, cpuwait, timeouts
    from asynclab_harness.detectors.cpuwait import CpuUse
    monkeypatch.setattr(cpuwait, "raw", lambda: b"0 0")
    monkeypatch.setattr(cpuwait, "since", lambda reading: CpuUse(ran=0.01, waited=0.2))
    monkeypatch.setattr(timeouts.signal, "setitimer", lambda *args: None)
    monkeypatch.setattr(blocking.clock, "handed_over_in_all", 5.0)  # earlier tests' hand-overs
    monkeypatch.setattr(timeouts.clock, "limit", 0.5)
    monkeypatch.setattr(timeouts.clock, "on_extend", None)
    timeouts.start_test()
    try:
        deadline = timeouts.clock.deadline
        blocking.clock.handed_over_in_all += 0.3  # this test's
        assert timeouts._extend_by_cpu_wait()
        assert abs(timeouts.clock.deadline - deadline - 0.5) < 1e-9  # 0.2 s on a run queue + 0.3 s on the GIL
        assert not timeouts._extend_by_cpu_wait()  # nothing new to credit: the alarm stops the test
    finally:
        timeouts.end_test()
