"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides.
`elapsed` is the supervisor's own clock, from handing out the inputs to the answer."""

DRIVER = "hidden/test_grade_banners.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def inputs_test_one_tarpit_does_not_hold_up_the_others(rng):
    return {"banner": f"220 {_word(rng)} ready\r\n"}


def judge_test_one_tarpit_does_not_hold_up_the_others(given, seen, elapsed):
    assert elapsed < 0.5, f"with a 0.2 s timeout, checking a tarpit and a mail server took {elapsed:.2f} s"
    assert seen["ups"] == [False, True], "the tarpit was not down and the mail server up"
    assert seen["details"][1] == given["banner"].strip(), "the mail server's banner is not its detail"


def judge_test_the_tarpit_connection_is_closed(given, seen, elapsed):
    assert seen["hung_up"], "the connection to the tarpit was left open"


def inputs_test_a_slow_but_honest_service_within_the_timeout(rng):
    return {"banner": f"SSH-2.0-{_word(rng)}\r\n"}


def judge_test_a_slow_but_honest_service_within_the_timeout(given, seen, elapsed):
    assert seen["up"] and seen["detail"] == given["banner"].strip(), \
        "a service that sends its banner within the timeout was not up with its banner"
    assert seen["hung_up"], "the connection to the service was left open"


def judge_test_the_deadline_covers_the_whole_check(given, seen, elapsed):
    assert not seen["up"], "a tarpit was reported up"
    assert elapsed < 0.35, f"with a 0.2 s timeout the check took {elapsed:.2f} s: the deadline does not cover the whole check"


def judge_test_refused_port(given, seen, elapsed):
    assert seen["row"] == ["127.0.0.1", seen["port"], False, "ConnectionRefusedError", True], \
        "a refused port was not Result(host, port, False, 'ConnectionRefusedError')"
