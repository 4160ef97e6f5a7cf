"""Every corpus case, run exactly as the worker runs it, reports exactly its expected findings."""

import json

import pytest

from harness_run import CORPUS, corpus_cases, validate

CASES = dict(corpus_cases())


def _expected(path):
    return json.loads((path / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_reports_exactly_what_is_expected(name, corpus_runs):
    run = corpus_runs[name].result()
    expected = _expected(CASES[name])
    report = run.report
    assert run.exit_code == 0
    assert validate(report) == []
    kind = (report["runOutcome"] or {}).get("kind")
    assert kind == expected["runOutcome"], report["runOutcome"]
    got = sorted((d["code"], d["location"]["file"], d["location"]["line"]) for d in report["diagnostics"])
    want = sorted((d["code"], d["file"], d["line"]) for d in expected["diagnostics"])
    assert got == want, json.dumps(report["diagnostics"], indent=1)[:4000]
    for entry in expected["diagnostics"]:
        if "test" in entry:
            match = [d for d in report["diagnostics"]
                     if (d["code"], d["location"]["file"], d["location"]["line"]) ==
                     (entry["code"], entry["file"], entry["line"])]
            assert all((d["test"] or "").split("::")[-1] == entry["test"] for d in match), match


def test_every_code_has_at_least_four_cases():
    codes = {}
    for name, path in CASES.items():
        for d in _expected(path)["diagnostics"]:
            codes.setdefault(d["code"], set()).add(name)
    from asynclab_harness.explain import ALL_CODES
    for code in ALL_CODES:
        assert len(codes.get(code, ())) >= 4, (code, codes.get(code))


def test_at_least_ten_clean_programs():
    clean = [n for n in CASES if n.startswith("clean/")]
    assert len(clean) >= 10
    assert all(_expected(CASES[n])["diagnostics"] == [] for n in clean)


def test_expected_files_match_the_markers():
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_expected", CORPUS / "make_expected.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for name, path in CASES.items():
        assert tool.expected_from_markers(str(path)) == _expected(path), name


def test_clean_programs_pass(corpus_runs):
    for name in CASES:
        if name.startswith("clean/"):
            report = corpus_runs[name].result().report
            assert report["outcome"] == "pass", (name, report["tests"])


def test_deadlocks_are_found_at_once(corpus_runs):
    """The verdict comes when the loop stalls, not at the 2 s per-test limit."""
    for name in CASES:
        if name.startswith("deadlock/"):
            report = corpus_runs[name].result().report
            failed = [t for t in report["tests"] if t["outcome"] == "failed"]
            assert failed and all(t["durationMs"] < 1000 for t in failed), (name, failed)


def test_a_timeout_does_not_cost_the_other_tests(corpus_runs):
    report = corpus_runs["timeout/sync-spin"].result().report
    outcomes = {t["id"].split("::")[-1]: t["outcome"] for t in report["tests"]}
    assert outcomes == {"test_collatz": "failed", "test_other_tests_still_run": "passed"}


def test_every_issue_15_shape_has_three_forms_and_a_clean_look_alike():
    import importlib.util
    spec = importlib.util.spec_from_file_location("shapes", CORPUS.parent / "bench" / "shapes.py")
    shapes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shapes)
    for shape, cases, look_alikes in shapes.SHAPES:
        assert all(name in CASES for name in cases + look_alikes), shape
        assert look_alikes and all(_expected(CASES[n])["diagnostics"] == [] for n in look_alikes), shape
        assert all(_expected(CASES[n])["diagnostics"] for n in cases), shape
        if not shape.startswith("teardown"):  # that shape is about staying clean
            assert len(cases) >= 3, shape
