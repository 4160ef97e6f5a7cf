"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_tcpcheck.py"
HOST = "127.0.0.1"


def _targets(rng):
    return {"targets": rng.randint(6, 10)}


def inputs_test_never_more_than_four_connections(rng):
    return {"targets": rng.randint(9, 12)}


def judge_test_never_more_than_four_connections(given, seen, elapsed):
    assert seen["rows"] == [[HOST, seen["port"], True]] * given["targets"], "not every check of an open port came back up"
    assert seen["peak"] == 4, f"{seen['peak']} connections were opened at once, not at most 4 (and 4 when there are enough)"


inputs_test_a_second_run_works_like_the_first = _targets
inputs_test_the_tool_can_run_twice_in_one_process = _targets


def judge_test_a_second_run_works_like_the_first(given, seen, elapsed):
    expected = [[HOST, seen["port"], True]] * given["targets"]
    assert seen["runs"] == [expected, expected], "a second check_all() in the same loop did not work like the first"


def judge_test_the_tool_can_run_twice_in_one_process(given, seen, elapsed):
    assert seen["ups"] == [[True] * given["targets"]] * 2, \
        "check_all() failed when the tool ran a second time in a new event loop"


def inputs_test_results_keep_the_order_given(rng):
    order = ["down", "open"] * 3
    rng.shuffle(order)
    return {"order": order}


def judge_test_results_keep_the_order_given(given, seen, elapsed):
    ports = seen["ports"]
    expected = [[HOST, ports[key], key == "open"] for key in given["order"]]
    assert seen["rows"] == expected, "check_all() did not report each target, up or down, in the order given"


def judge_test_single_check(given, seen, elapsed):
    assert seen["is_result"] and seen["row"] == [HOST, seen["port"], True], \
        "check() of an open port did not return Result(host, port, True)"
