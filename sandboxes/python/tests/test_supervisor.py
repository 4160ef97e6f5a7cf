"""The trusted half (asynclab_supervisor, docs/trust-model.md): the report it rebuilds from what
the child says, the hidden checks it judges itself, and the rewrites of fix-tests code.

These run the supervisor as the tests' own user (no privilege drop outside the sandbox image's
root entry point); the uid boundary itself is covered by the tamper suite (test/e2e/tamper)."""

import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

from asynclab_supervisor import merge, rewrite
from asynclab_supervisor.__main__ import run

PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])

DRIVER = '''
import pytest
import shop
from asynclab_harness import grade

@pytest.mark.asyncio
async def test_total():
    given = grade.begin()
    grade.observe(total=await shop.total(given["prices"]))
'''
JUDGE = '''
DRIVER = "hidden/test_grade_shop.py"

def inputs_test_total(rng):
    return {"prices": [rng.randint(1, 99) for _ in range(5)]}

def judge_test_total(given, seen, elapsed):
    assert seen["total"] == sum(given["prices"]), "total() is not the sum of the prices"
'''


def supervise(files: dict) -> dict:
    work = Path(tempfile.mkdtemp(prefix="asynclab-supervised-"))
    try:
        for name, text in files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(textwrap.dedent(text))
        (work / ".asynclab").mkdir(exist_ok=True)
        (work / ".asynclab" / "run.json").write_text(json.dumps(
            {"testPaths": ["hidden"], "learnerFiles": ["shop.py"], "perTestTimeoutSec": 5}))
        cwd = os.getcwd()
        os.chdir(work)
        try:
            return run(str(work), harness_path=PACKAGE_ROOT)
        finally:
            os.chdir(cwd)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lab(shop: str) -> dict:
    return {"shop.py": shop, "hidden/test_grade_shop.py": DRIVER, ".asynclab/private/judge_shop.py": JUDGE}


def test_the_judge_decides_a_hidden_check():
    good = supervise(lab("async def total(prices):\n    return sum(prices)\n"))
    assert [(t["id"], t["outcome"]) for t in good["tests"]] == [("hidden/test_grade_shop.py::test_total", "passed")]
    bad = supervise(lab("async def total(prices):\n    return sum(prices) + 1\n"))
    assert bad["tests"][0]["outcome"] == "failed"
    assert bad["tests"][0]["message"] == "total() is not the sum of the prices"


def test_a_forged_child_report_does_not_pass_a_hidden_check():
    # The learner's module rewrites the child's report builder: every test "passes".
    forger = """
        import asynclab_harness.report as r
        _build = r.build
        def build(*a, **k):
            rep = _build(*a, **k)
            for t in rep["tests"]:
                t["outcome"] = "passed"
            rep["tests"].append({"id": "hidden/test_grade_shop.py::test_extra", "outcome": "passed",
                                 "durationMs": 1, "message": None})
            return rep
        r.build = build

        async def total(prices):
            return 0
    """
    report = supervise(lab(forger))
    assert [(t["id"], t["outcome"]) for t in report["tests"]] == [("hidden/test_grade_shop.py::test_total", "failed")]
    assert report["outcome"] == "fail"


def test_a_child_that_exits_is_a_crash():
    report = supervise(lab("import os\nos._exit(137)\n"))
    assert report["runOutcome"]["kind"] == "crashed" and "137" in report["runOutcome"]["message"]
    assert report["outcome"] == "error" and report["tests"] == []


def test_text_is_cleaned_and_bounded():
    assert merge.text("a\x00b\udcffc", 100) == "a\ufffdb\ufffdc"
    cut = merge.text("x" * 5000, 2048)
    assert len(cut) <= 2048 and cut.endswith("…[truncated]")
    assert merge.number(float("nan")) == 0.0 and merge.number(1e30) == merge.MAX_MS


def test_expected_test_ids_come_from_parsing_not_importing(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "test_a.py").write_text(
        "import os\nos._exit(1)\n\ndef test_one():\n    pass\n\nclass TestGroup:\n    async def test_two(self):\n        pass\n")
    assert merge.expected_test_ids(str(tmp_path), ["t"]) == ["t/test_a.py::test_one", "t/test_a.py::TestGroup::test_two"]
    assert merge.expected_test_ids(str(tmp_path), []) is None


def test_parametrized_cases_stand_for_their_function_and_nothing_else_is_added():
    reported = {"t.py::test_a[1]": {}, "t.py::test_a[2]": {}, "t.py::test_b": {}, "t.py::test_made_up": {},
                "t.py::test_b_extra[1]": {}}
    assert merge.expand_parametrized(["t.py::test_a", "t.py::test_b", "t.py::test_c"], reported) == \
        ["t.py::test_a[1]", "t.py::test_a[2]", "t.py::test_b", "t.py::test_c"]


def test_a_rewrite_behaves_the_same_and_reads_differently():
    source = textwrap.dedent('''
        """Docstring."""
        def digest(items, limit=3):
            """Doc."""
            kept = [item.upper() for item in items][:limit]
            count = len(kept)
            return f"{count}: " + ", ".join(kept)
    ''')
    first, second = rewrite.rewrite_source(source, "aa11"), rewrite.rewrite_source(source, "bb22")
    assert first != second and "kept" not in first and "Docstring" not in first
    for text in (source, first, second):
        scope = {}
        exec(compile(text, "news.py", "exec"), scope)
        assert scope["digest"](["a", "b", "c", "d"]) == "3: A, B, C"
