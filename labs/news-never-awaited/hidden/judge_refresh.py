"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_refresh.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def inputs_test_one_write_per_refresh(rng):
    a, b = f"wire-{_word(rng)}", f"blog-{_word(rng)}"
    return {"refreshes": [[[a, [_word(rng)]], [b, [_word(rng), _word(rng)]]], [[a, [_word(rng)]]]]}


def judge_test_one_write_per_refresh(given, seen, elapsed):
    assert seen["writes"] == 2, f"two refreshes wrote to the cache {seen['writes']} time(s), not once each"
    expected = {}
    for batch in given["refreshes"]:
        for name, titles in batch:
            expected.setdefault(name, []).extend(titles)
    assert seen["saved"] == expected, "after two refreshes the cache does not hold every headline fetched"


def inputs_test_saved_before_refresh_returns(rng):
    return {"source": f"wire-{_word(rng)}", "titles": [_word(rng) for _ in range(rng.randint(2, 5))]}


def judge_test_saved_before_refresh_returns(given, seen, elapsed):
    assert seen["returned"] == given["titles"], "refresh() did not return the headlines it fetched, in order"
    assert seen["saved"] == given["titles"], "when refresh() returned, its headlines were not in the cache yet"


def inputs_test_sources_are_fetched_concurrently(rng):
    return {"delay": 0.05, "sources": [[f"s{i}-{_word(rng)}", _word(rng)] for i in range(5)]}


def judge_test_sources_are_fetched_concurrently(given, seen, elapsed):
    # Measured by the supervisor: five sources of 50 ms each, fetched together, take about 50 ms.
    assert elapsed < 0.2, f"five 50 ms sources took {elapsed:.2f} s: they were not fetched concurrently"
    assert seen["order"] == given["sources"], "refresh() did not return one headline per source, in source order"


def judge_test_empty_refresh_still_writes(given, seen, elapsed):
    assert seen["returned"] == [], "refresh([]) did not return an empty list"
    assert seen["writes"] == 1, f"refresh([]) wrote to the cache {seen['writes']} time(s), not once"
