"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_sdk.py"


def _urls(rng, n):
    token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
    return [f"https://news.example/{token}/{i}" for i in range(n)]


def inputs_test_never_more_than_three_requests_at_once(rng):
    return {"urls": _urls(rng, 7)}


def judge_test_never_more_than_three_requests_at_once(given, seen, elapsed):
    assert seen["peak"] == 3, f"{seen['peak']} SDK requests ran at once, not at most 3 (and 3 when there are enough)"


def inputs_test_requests_leave_the_loop_thread(rng):
    return {"urls": _urls(rng, 3)}


def judge_test_requests_leave_the_loop_thread(given, seen, elapsed):
    assert seen["requests"] == 3, "not every URL was requested"
    assert not seen["on_loop_thread"], "an SDK request ran on the event loop's thread"


def inputs_test_results_in_the_order_given(rng):
    return {"urls": list(reversed(_urls(rng, 7)))}


def judge_test_results_in_the_order_given(given, seen, elapsed):
    assert seen["items"] == [[url, [f"{url} headline"]] for url in given["urls"]], \
        "fetch_all() did not return every URL's headlines in the order given"


def inputs_test_every_request_carries_its_runs_trace_id(rng):
    return {"urls": _urls(rng, 4)}


def judge_test_every_request_carries_its_runs_trace_id(given, seen, elapsed):
    a, b = seen["ids_a"], seen["ids_b"]
    assert len(a) == 1 and len(b) == 1, "the requests of one fetch_all() call did not all carry the same trace id"
    assert a != b, "two concurrent fetch_all() calls shared one trace id"
    assert "None" not in a + b, "a request carried no trace id"
    assert seen["after"] == "None", "the trace id leaked out of fetch_all() into the caller's context"


def inputs_test_sdk_errors_reach_the_caller(rng):
    urls = _urls(rng, 3)
    return {"urls": urls, "failing": urls[1]}


def judge_test_sdk_errors_reach_the_caller(given, seen, elapsed):
    assert seen["raised"] == "ConnectionError", "the SDK's ConnectionError did not reach the caller of fetch_all()"


def inputs_test_slow_requests_do_not_stall_other_tasks(rng):
    return {"urls": _urls(rng, 3)}


def judge_test_slow_requests_do_not_stall_other_tasks(given, seen, elapsed):
    assert seen["slept_s"] < 0.15, f"a 20 ms sleep took {seen['slept_s']:.2f} s while SDK requests ran: they block the loop"
