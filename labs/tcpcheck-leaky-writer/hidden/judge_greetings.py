"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides.
A result row is [host, port, up, detail, is a tcpcheck.Result]."""

DRIVER = "hidden/test_grade_greetings.py"
HOST = "127.0.0.1"


def _hung_up(seen):
    assert seen["hung_up"], "the checker left its connection to the server open"


def judge_test_plain_port_without_greeting(given, seen, elapsed):
    assert seen["row"] == [HOST, seen["port"], True, "", True], "a plain open port was not Result(host, port, True, '')"
    _hung_up(seen)


def inputs_test_wrong_greeting_detail(rng):
    code = rng.choice([400, 403, 404, 500, 503])
    return {"greeting": f"HTTP/1.1 {code} Bad Request\r\n"}


def judge_test_wrong_greeting_detail(given, seen, elapsed):
    detail = f"unexpected greeting {given['greeting'].encode()!r}"
    assert seen["row"] == [HOST, seen["port"], False, detail, True], \
        "a server with the wrong greeting was not reported down with the greeting it sent"
    _hung_up(seen)


def judge_test_silent_service_times_out_and_is_hung_up(given, seen, elapsed):
    assert seen["row"] == [HOST, seen["port"], False, "TimeoutError", True], \
        "a silent server was not reported down with TimeoutError"
    _hung_up(seen)


def judge_test_refused_port_is_down(given, seen, elapsed):
    assert seen["row"] == [HOST, seen["port"], False, "ConnectionRefusedError", True], \
        "a refused port was not reported down with ConnectionRefusedError"


def inputs_test_check_all_leaves_every_connection_closed(rng):
    order = ["ssh", "ftp"] * 5
    rng.shuffle(order)
    return {"order": order}


def judge_test_check_all_leaves_every_connection_closed(given, seen, elapsed):
    assert seen["ups"] == [key == "ssh" for key in given["order"]], "check_all() did not report each target's greeting, in order"
    assert seen["served"] == [given["order"].count("ssh"), given["order"].count("ftp")], "not every target was connected to once"
    _hung_up(seen)
