"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_retry.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def inputs_test_retry_then_success(rng):
    return {"name": f"wire-{_word(rng)}"}


def judge_test_retry_then_success(given, seen, elapsed):
    name = given["name"]
    assert seen["headlines"] == {name: [f"{name} headline"]}, "a source that failed twice then answered is missing from the headlines"
    assert seen["failed"] == [], "a source that answered on its third attempt was listed as failed"


def inputs_test_gives_up_after_three_attempts_with_doubling_waits(rng):
    return {"dead": f"dead-{_word(rng)}", "ok": f"ok-{_word(rng)}"}


def judge_test_gives_up_after_three_attempts_with_doubling_waits(given, seen, elapsed):
    assert seen["failed"] == [given["dead"]], "a source that always fails is not listed as failed"
    assert seen["headlines"] == {given["ok"]: [f"{given['ok']} headline"]}, "the healthy source's headlines are missing"
    gaps = seen["gaps"]
    assert len(gaps) == 2, f"a failing source was tried {len(gaps) + 1} times, not 3"
    first, second = gaps
    assert 0.1 <= first < 0.2 and 0.2 <= second < 0.35, \
        f"the waits between attempts were {first:.2f} s and {second:.2f} s: they should start at the backoff and double"
    # The supervisor's own clock: the two waits cannot have been shorter than they claim.
    assert elapsed >= 0.3, "the retries finished sooner than their waits allow"


def inputs_test_the_loop_stays_responsive_while_sources_back_off(rng):
    return {"names": [f"a-{_word(rng)}", f"b-{_word(rng)}"]}


def judge_test_the_loop_stays_responsive_while_sources_back_off(given, seen, elapsed):
    gaps = seen["gaps"]
    assert gaps, "the heartbeat task never ran while the sources backed off"
    assert max(gaps) < 0.06, f"the event loop was blocked for {max(gaps):.2f} s while a source backed off"


def inputs_test_other_errors_are_not_swallowed(rng):
    return {"name": f"broken-{_word(rng)}", "message": f"parser bug {_word(rng)}"}


def judge_test_other_errors_are_not_swallowed(given, seen, elapsed):
    assert seen["raised"] == "ValueError", \
        f"a source's ValueError came out of fetch_all as {seen['raised'] or 'nothing'}: it was swallowed or retried"
