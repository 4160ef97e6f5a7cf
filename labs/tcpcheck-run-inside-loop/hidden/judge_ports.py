"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_ports.py"


def judge_test_is_open_on_a_listening_socket(given, seen, elapsed):
    assert seen["is_open"] == "True", f"is_open() on a listening socket returned {seen['is_open']}, not True"


def inputs_test_open_ports_in_the_order_given(rng):
    order = ["open0", "open1", "open2", "down"]
    rng.shuffle(order)
    return {"order": order}


def judge_test_open_ports_in_the_order_given(given, seen, elapsed):
    ports = seen["ports"]
    assert seen["asked"] == [ports[key] for key in given["order"]], "the ports asked about are not this run's"
    expected = [ports[key] for key in given["order"] if key != "down"]
    assert seen["found"] == expected, "open_ports() did not return exactly the open ports, in the order given"


def inputs_test_no_open_ports(rng):
    return {"count": rng.randint(2, 4)}


def judge_test_no_open_ports(given, seen, elapsed):
    assert seen["found"] == [], "open_ports() over closed ports did not return []"


def inputs_test_ports_are_checked_concurrently(rng):
    start = rng.randint(1000, 5000)
    return {"ports": list(range(start, start + 6))}


def judge_test_ports_are_checked_concurrently(given, seen, elapsed):
    assert seen["found"] == [], "open_ports() over refusing ports did not return []"
    # Measured by the supervisor: six 50 ms refusals checked together take about 50 ms.
    assert elapsed < 0.2, f"six 50 ms port checks took {elapsed:.2f} s: they were not checked concurrently"


def inputs_test_the_timeout_still_applies(rng):
    return {"ports": sorted(rng.sample(range(1, 1000), 2))}


def judge_test_the_timeout_still_applies(given, seen, elapsed):
    assert seen["found"] == [], "ports that never answer were reported open"
    assert elapsed < 0.5, f"with a 50 ms timeout the check took {elapsed:.2f} s"
