"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_aggregator.py"


def _source(rng):
    return {"name": "wire-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))}


inputs_test_refreshes_every_interval = _source
inputs_test_no_refresh_after_close = _source
inputs_test_close_interrupts_a_slow_refresh = _source
inputs_test_close_twice_is_harmless = _source
inputs_test_an_aggregator_can_be_closed_without_waiting_an_interval = _source


def judge_test_refreshes_every_interval(given, seen, elapsed):
    assert seen["refreshes"] >= 3, f"an aggregator refreshing every 20 ms refreshed {seen['refreshes']} times in 90 ms"


def judge_test_no_refresh_after_close(given, seen, elapsed):
    assert seen["after"] == seen["before"], "the aggregator kept refreshing after close()"


def judge_test_close_interrupts_a_slow_refresh(given, seen, elapsed):
    assert seen["close_s"] < 0.1, f"close() waited {seen['close_s']:.2f} s for a slow refresh instead of cancelling it"
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} task(s) were still alive after close()"
    assert elapsed < 2, "close() did not interrupt the slow refresh"


def judge_test_close_twice_is_harmless(given, seen, elapsed):
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} task(s) were still alive after close()"


def judge_test_an_aggregator_can_be_closed_without_waiting_an_interval(given, seen, elapsed):
    assert seen["close_s"] < 0.1, f"close() took {seen['close_s']:.2f} s: it waited for the interval"
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} task(s) were still alive after close()"
