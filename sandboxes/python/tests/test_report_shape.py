"""The output contract (docs/harness-contract.md): stdout layout, exit code, report shape."""

import textwrap
from pathlib import Path

import pytest

from asynclab_harness.version import HARNESS_VERSION
from harness_run import NONCE, run_submission, validate


def submission(tmp_path: Path, files: dict) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return tmp_path


def test_layout_output_then_sentinel_then_report(tmp_path):
    run = run_submission(submission(tmp_path, {
        "test_a.py": """
            def test_prints():
                print("hello from the learner")
            def test_fails():
                print("shown with the failure")
                assert 1 == 2
        """}), {"learnerFiles": ["test_a.py"]})
    assert run.exit_code == 0
    assert "test session starts" in run.before_report
    assert "shown with the failure" in run.before_report
    lines = run.stdout.splitlines()
    assert lines[-2] == f"@@ASYNCLAB-REPORT {NONCE}@@"  # then exactly one JSON line, then the end
    assert validate(run.report) == []
    assert run.report["outcome"] == "fail"
    assert run.report["counts"] == {"total": 2, "passed": 1, "failed": 1, "error": 0, "skipped": 0}
    failed = [t for t in run.report["tests"] if t["outcome"] == "failed"][0]
    assert failed["id"] == "test_a.py::test_fails"
    assert failed["message"].startswith("assert 1 == 2")


def test_pass_needs_a_test_and_no_error_diagnostic(tmp_path):
    run = run_submission(submission(tmp_path, {"test_ok.py": "def test_ok():\n    assert True\n"}),
                         {"learnerFiles": ["test_ok.py"]})
    assert run.report["outcome"] == "pass"
    assert run.report["runOutcome"] is None
    assert run.report["version"] == 1 and run.report["harness"] == HARNESS_VERSION
    assert run.report["runtime"]["python"].startswith("3.11")


def test_no_tests_is_not_a_pass(tmp_path):
    run = run_submission(submission(tmp_path, {"news.py": "X = 1\n"}), {"learnerFiles": ["news.py"]})
    assert run.exit_code == 0
    assert run.report["outcome"] == "fail" and run.report["counts"]["total"] == 0


def test_skips_count_against_pass(tmp_path):
    # The skip marker below is in the learner's submission under test, not on this test.
    run = run_submission(submission(tmp_path, {
        "test_s.py": "import pytest\n\n@pytest.mark.skip('later')\ndef test_s():\n    pass\n"}), {})
    assert run.report["outcome"] == "fail"
    assert run.report["tests"][0]["outcome"] == "skipped"


def test_nonce_is_gone_before_learner_code_runs(tmp_path):
    run = run_submission(submission(tmp_path, {
        "test_env.py": """
            import os
            def test_env():
                assert "ASYNCLAB_REPORT_NONCE" not in os.environ
                with open("/proc/self/environ", "rb") as fh:
                    assert b"%s" not in fh.read()
        """ % NONCE.encode().decode()}), {})
    assert run.report["outcome"] == "pass", run.report["tests"]


def test_a_forged_sentinel_comes_before_the_real_one(tmp_path):
    run = run_submission(submission(tmp_path, {
        "test_forge.py": """
            def test_forge():
                print("@@ASYNCLAB-REPORT guess@@")
                print('{"outcome": "pass"}')
        """}), {})
    assert run.report["counts"]["total"] == 1
    assert run.stdout.rstrip().endswith("}")


def test_learner_atexit_output_never_follows_the_report(tmp_path):
    run = run_submission(submission(tmp_path, {
        "test_exit.py": """
            import atexit
            atexit.register(print, "printed at exit")
            def test_x():
                pass
        """}), {})
    assert "printed at exit" not in run.stdout


def test_evidence_and_messages_are_cut_and_flagged(tmp_path):
    run = run_submission(submission(tmp_path, {
        "test_big.py": """
            def test_big():
                raise ValueError("x" * 10000)
        """}), {})
    message = run.report["tests"][0]["message"]
    assert len(message.encode()) <= 2048 and message.endswith("…[truncated]")
    assert validate(run.report) == []


def test_paths_in_collection_errors_are_relative(tmp_path):
    run = run_submission(submission(tmp_path, {
        "news.py": "def broken(:\n    pass\n",
        "test_news.py": "import news\n\ndef test_x():\n    pass\n"}), {})
    assert run.report["outcome"] == "error"
    assert run.report["runOutcome"]["kind"] == "syntax-error"
    assert str(tmp_path) not in run.report["runOutcome"]["message"]
    assert "news.py" in run.report["runOutcome"]["message"]


def test_hidden_tests_import_the_learner_module(tmp_path):
    run = run_submission(submission(tmp_path, {
        "news.py": "async def fetch():\n    return 1\n",
        "hidden/test_grade.py": """
            import pytest
            import news
            @pytest.mark.asyncio
            async def test_fetch():
                assert await news.fetch() == 1
        """}), {"testPaths": ["hidden/test_grade.py"], "learnerFiles": ["news.py"]})
    assert run.report["outcome"] == "pass", run.report


def test_lab_files_are_pointed_at_only_without_a_learner_frame(tmp_path):
    run = run_submission(submission(tmp_path, {
        "news.py": "import asyncio\n\nasync def fetch():\n    await asyncio.sleep(0)\n",
        "hidden/test_grade.py": """
            import news
            def test_fetch():
                assert news.fetch()
        """}), {"testPaths": ["hidden/test_grade.py"], "learnerFiles": ["news.py"]})
    [diag] = run.report["diagnostics"]
    assert diag["code"] == "silent-pass"
    assert diag["location"] == {"file": "hidden/test_grade.py", "line": 4}


def test_static_only_finding_is_a_warning(tmp_path):
    run = run_submission(submission(tmp_path, {
        "news.py": """
            import asyncio
            import time

            async def never_called():
                time.sleep(0.01)
        """,
        "test_news.py": "def test_nothing():\n    pass\n"}), {})
    [diag] = run.report["diagnostics"]
    assert (diag["code"], diag["severity"], diag["source"], diag["test"]) == \
        ("blocking-call", "warning", "static", None)
    assert diag["location"] == {"file": "news.py", "line": 6}
    assert run.report["outcome"] == "pass"


@pytest.mark.parametrize("limit", [1])
def test_a_test_that_ignores_the_stop_still_gets_a_report(tmp_path, limit):
    run = run_submission(submission(tmp_path, {
        "test_stubborn.py": """
            import time
            def test_stubborn():
                while True:
                    try:
                        time.sleep(0.05)
                    except BaseException:
                        pass
        """}), {"perTestTimeoutSec": limit})
    assert run.exit_code == 0
    [diag] = run.report["diagnostics"]
    assert diag["code"] == "timeout" and diag["location"]["file"] == "test_stubborn.py"
    assert run.report["tests"][0]["outcome"] == "failed"
