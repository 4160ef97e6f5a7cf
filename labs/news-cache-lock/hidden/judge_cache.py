"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_cache.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def _source(rng):
    return {"name": f"wire-{_word(rng)}", "titles": [_word(rng) for _ in range(rng.randint(1, 3))]}


def inputs_test_concurrent_gets_fetch_once(rng):
    return {**_source(rng), "readers": rng.randint(4, 7)}


def judge_test_concurrent_gets_fetch_once(given, seen, elapsed):
    assert seen["results"] == [given["titles"]] * given["readers"], "not every concurrent reader got the source's headlines"
    assert seen["fetches"] == 1, f"{given['readers']} concurrent gets fetched the source {seen['fetches']} times, not once"


inputs_test_expired_entries_are_fetched_again = _source


def judge_test_expired_entries_are_fetched_again(given, seen, elapsed):
    assert seen["fetches"] == 2, f"a get after the entry expired fetched {seen['fetches']} times in all, not 2"


def inputs_test_put_then_get_does_not_fetch(rng):
    return {"name": f"wire-{_word(rng)}", "fetched": [_word(rng)], "pushed": [_word(rng), _word(rng)]}


def judge_test_put_then_get_does_not_fetch(given, seen, elapsed):
    assert seen["got"] == given["pushed"], "get() after put() did not return what was put"
    assert seen["fetches"] == 0, "get() after put() fetched the source anyway"


inputs_test_invalidate_forces_a_fetch = _source


def judge_test_invalidate_forces_a_fetch(given, seen, elapsed):
    assert seen["fetches"] == 2, f"a get after invalidate() fetched {seen['fetches']} times in all, not 2"


def inputs_test_each_source_is_cached_separately(rng):
    return {"sources": [[f"wire-{_word(rng)}", [_word(rng)]], [f"blog-{_word(rng)}", [_word(rng)]]]}


def judge_test_each_source_is_cached_separately(given, seen, elapsed):
    (_, a), (_, b) = given["sources"]
    assert seen["got"] == [a, b, a], "two sources' headlines were mixed up in the cache"
    assert seen["fetches"] == [1, 1], f"two cached sources were fetched {seen['fetches']} times, not once each"
