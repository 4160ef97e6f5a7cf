"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_audit.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def inputs_test_one_refused_record_among_many_fails_the_fetch(rng):
    names = [f"{kind}-{_word(rng)}" for kind in ("wire", "blog", "radio")]
    return {"names": names, "refuse": [rng.choice(names)]}


def judge_test_one_refused_record_among_many_fails_the_fetch(given, seen, elapsed):
    assert seen["raised"] == "AuditError", "a refused audit record did not make fetch_all() fail"


def inputs_test_every_refused_record_fails_the_fetch(rng):
    names = [f"{kind}-{_word(rng)}" for kind in ("wire", "blog")]
    return {"names": names, "refuse": names}


def judge_test_every_refused_record_fails_the_fetch(given, seen, elapsed):
    assert seen["raised"] == "AuditError", "refused audit records did not make fetch_all() fail"


def inputs_test_results_in_the_order_given(rng):
    return {"sources": [[f"s{i}-{_word(rng)}", _word(rng), 0.04 - i * 0.01] for i in range(4)]}


def judge_test_results_in_the_order_given(given, seen, elapsed):
    assert seen["items"] == [[name, [title]] for name, title, _ in given["sources"]], \
        "fetch_all() did not return every source's headlines in the order the sources were given"


def inputs_test_records_are_written_before_fetch_all_returns(rng):
    return {"name": f"wire-{_word(rng)}", "titles": [_word(rng) for _ in range(rng.randint(2, 5))]}


def judge_test_records_are_written_before_fetch_all_returns(given, seen, elapsed):
    assert seen["records"] == [[given["name"], len(given["titles"])]], \
        "when fetch_all() returned, the audit record for the source had not been written"


def inputs_test_sources_are_still_fetched_concurrently(rng):
    return {"names": [f"s{i}-{_word(rng)}" for i in range(4)]}


def judge_test_sources_are_still_fetched_concurrently(given, seen, elapsed):
    # Measured by the supervisor: four 50 ms sources fetched together take about 50 ms.
    assert elapsed < 0.15, f"four 50 ms sources took {elapsed:.2f} s: they were not fetched concurrently"
