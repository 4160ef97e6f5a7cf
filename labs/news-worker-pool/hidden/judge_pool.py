"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides.
A source is [name, titles, down, delay]."""

DRIVER = "hidden/test_grade_pool.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def _expected(given):
    up = [[name, titles] for name, titles, down, _ in given["sources"] if not down]
    return up, [name for name, _, down, _ in given["sources"] if down]


def _judge_result(given, seen):
    headlines, failed = _expected(given)
    assert seen["headlines"] == headlines, "the headlines are not every answering source's, in the order given"
    assert seen["failed"] == failed, "the failed sources are not every down source, in the order given"


def inputs_test_no_more_workers_than_asked_for(rng):
    return {"workers": rng.randint(2, 3), "sources": [[f"s{i}-{_word(rng)}", ["t"], False, 0.01] for i in range(8)]}


def judge_test_no_more_workers_than_asked_for(given, seen, elapsed):
    assert seen["peak"] == given["workers"], \
        f"with {given['workers']} workers, {seen['peak']} sources were fetched at once"


def inputs_test_results_keep_the_order_given(rng):
    return {"sources": [[f"s{i}-{_word(rng)}", [_word(rng)], False, 0.05 - i * 0.01] for i in range(5)]}


def judge_test_results_keep_the_order_given(given, seen, elapsed):
    _judge_result(given, seen)


def inputs_test_every_source_down(rng):
    return {"sources": [[f"s{i}-{_word(rng)}", [], True, 0.01] for i in range(4)]}


def judge_test_every_source_down(given, seen, elapsed):
    _judge_result(given, seen)


def inputs_test_down_sources_in_the_order_given(rng):
    b = f"b-{_word(rng)}"
    return {"sources": [[f"a-{_word(rng)}", [], True, 0.03], [b, [_word(rng)], False, 0.01],
                        [f"c-{_word(rng)}", [], True, 0.01]]}


def judge_test_down_sources_in_the_order_given(given, seen, elapsed):
    _judge_result(given, seen)


def judge_test_no_sources(given, seen, elapsed):
    assert seen["headlines"] == [] and seen["failed"] == [], "fetch_all([]) did not return ({}, [])"


def inputs_test_no_worker_outlives_the_call(rng):
    return {"sources": [[f"a-{_word(rng)}", ["a"], False, 0.01], [f"b-{_word(rng)}", [], True, 0.01]]}


def judge_test_no_worker_outlives_the_call(given, seen, elapsed):
    assert seen["other_tasks"] == 0, f"{seen['other_tasks']} worker task(s) were still alive after fetch_all() returned"
