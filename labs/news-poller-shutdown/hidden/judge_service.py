"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_service.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def inputs_test_a_flaky_source_keeps_its_poller(rng):
    return {"name": f"flaky-{_word(rng)}"}


def judge_test_a_flaky_source_keeps_its_poller(given, seen, elapsed):
    assert seen["errors"] == 2, f"the poller counted {seen['errors']} errors, not the 2 the source raised"
    assert seen["polls"] >= 1, "the poller stopped polling after its source failed"
    # shutdown() may cancel a fetch already counted: the latest answer is that call's or the one before.
    latest = [[f"{given['name']} #{n}"] for n in (seen["calls"], seen["calls"] - 1) if n > 2]
    assert seen["headlines"] in latest, "the headlines are not the source's latest answer"


def inputs_test_shutdown_is_prompt_with_fetches_in_flight(rng):
    return {"names": [f"s{i}-{_word(rng)}" for i in range(3)]}


def judge_test_shutdown_is_prompt_with_fetches_in_flight(given, seen, elapsed):
    assert seen["shutdown_s"] < 0.2, f"shutdown() took {seen['shutdown_s']:.2f} s with fetches in flight"
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} poller task(s) were still alive after shutdown()"
    assert elapsed < 3, "shutdown() did not stop the fetches in flight"


def inputs_test_shutdown_with_some_pollers_sleeping_and_some_fetching(rng):
    return {"fast": f"fast-{_word(rng)}", "slow": f"slow-{_word(rng)}"}


def judge_test_shutdown_with_some_pollers_sleeping_and_some_fetching(given, seen, elapsed):
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} poller task(s) were still alive after shutdown()"
    assert seen["headlines"] == {given["fast"]: [f"{given['fast']} #1"], given["slow"]: []}, \
        "after shutdown() the headlines are not the fast source's first answer and nothing from the slow one"


def inputs_test_shutdown_with_nothing_started(rng):
    return {"name": f"wire-{_word(rng)}"}


def judge_test_shutdown_with_nothing_started(given, seen, elapsed):
    assert seen["done"] is True, "shutdown() of a service never started did not return"
