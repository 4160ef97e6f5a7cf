"""Hidden checks' judges: run by the sandbox's supervisor, never in the learner's process.
inputs_<test>(rng) makes this run's inputs; judge_<test>(given, seen, elapsed) decides."""

DRIVER = "hidden/test_grade_publish.py"


def _word(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def _page(source, title):
    return f"BREAKING from {source}: {title}"


def inputs_test_no_breaking_news_no_page(rng):
    return {"headlines": [[f"wire-{_word(rng)}", _word(rng), False]]}


def judge_test_no_breaking_news_no_page(given, seen, elapsed):
    [[source, title, _]] = given["headlines"]
    assert seen["paged"] == 0, f"publish() returned {seen['paged']} pages for a run with no breaking news"
    assert seen["pager"]["calls"] == 0, "the pager was called for a headline that is not breaking"
    assert seen["feed"]["awaited"] == [[source, title]], "the headline was not posted to the feed exactly once"


def inputs_test_each_breaking_headline_is_paged_once(rng):
    return {"headlines": [[f"wire-{_word(rng)}", _word(rng), True], [f"blog-{_word(rng)}", _word(rng), False],
                          [f"radio-{_word(rng)}", _word(rng), True]]}


def judge_test_each_breaking_headline_is_paged_once(given, seen, elapsed):
    breaking = [[_page(s, t)] for s, t, b in given["headlines"] if b]
    assert seen["paged"] == len(breaking), f"publish() returned {seen['paged']}, not the number of breaking headlines"
    assert seen["pager"]["awaited"] == breaking, "the breaking headlines were not each paged once, in order (were the pages awaited?)"
    assert len(seen["feed"]["awaited"]) == len(given["headlines"]), "not every headline was posted to the feed"


def inputs_test_page_goes_out_after_the_post(rng):
    return {"headlines": [[f"wire-{_word(rng)}", _word(rng), True]]}


def judge_test_page_goes_out_after_the_post(given, seen, elapsed):
    [[source, title, _]] = given["headlines"]
    assert seen["events"] == [["post", title], ["page", _page(source, title)]], \
        "a breaking headline was not posted first and paged after"


def inputs_test_a_failing_pager_is_not_hidden(rng):
    return {"headlines": [[f"wire-{_word(rng)}", _word(rng), True]], "error": f"pager down {_word(rng)}"}


def judge_test_a_failing_pager_is_not_hidden(given, seen, elapsed):
    assert seen["raised"] == "ConnectionError", "the pager's ConnectionError did not come out of publish()"
