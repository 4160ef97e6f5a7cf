"""The report the worker stores, built from what the child said, as data.

The child's report (tests, diagnostics, timings) comes from the learner's process, so every
field is checked and bounded here: known shapes only, strings cut and cleaned of NUL and
unpaired surrogates, numbers finite and bounded, lists capped. The tests listed are exactly the
run's tests (found by parsing the test files, never importing them); the hidden checks' outcomes
come from the judges, never from the child. Counts and the outcome are recomputed here.
"""

import ast
import math
import os
import re

TEST_OUTCOMES = ("passed", "failed", "error", "skipped")
CHILD_RUN_OUTCOMES = ("syntax-error", "import-error")
DIAGNOSTIC_CODES = ("never-awaited", "silent-pass", "asyncmock-not-awaited", "sync-mock-awaited",
                    "deadlock", "blocking-call", "task-exception-unretrieved", "task-destroyed-pending",
                    "cancellation-swallowed", "wrong-loop", "unclosed-resource", "timeout")
MESSAGE_LIMIT = 2048
EVIDENCE_LIMIT = 4096
TEXT_LIMIT = 8192
ID_LIMIT = 512
MAX_TESTS = 500          # playground runs, whose tests are whatever the learner wrote
MAX_DIAGNOSTICS = 200
MAX_MS = 24 * 3600 * 1000.0
_UNPAIRED = re.compile("[\ud800-\udfff]")


def text(value, limit: int, default=""):
    if not isinstance(value, str):
        return default
    value = _UNPAIRED.sub("\ufffd", value.replace("\x00", "\ufffd"))
    return value if len(value) <= limit else value[: limit - 13] + "…[truncated]"


def number(value, high=MAX_MS) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return 0.0
    return round(min(max(float(value), 0.0), high), 1)


def expected_test_ids(root: str, test_paths):
    """The node ids pytest would give the test functions of these files or folders: module-level
    `test*` functions and `test*` methods of `Test*` classes. None for pytest's own discovery."""
    if not test_paths:
        return None
    files = []
    for path in test_paths:
        full = os.path.join(root, path)
        if os.path.isdir(full):
            for dirpath, _dirs, names in os.walk(full):
                for name in sorted(names):
                    if name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py")):
                        files.append(os.path.relpath(os.path.join(dirpath, name), root))
        else:
            files.append(path)
    ids = []
    for rel in sorted(set(files)):
        try:
            with open(os.path.join(root, rel), encoding="utf-8") as fh:
                tree = ast.parse(fh.read())
        except (OSError, SyntaxError, ValueError):
            continue  # the child reports the syntax error itself
        rel = rel.replace(os.sep, "/")
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                ids.append(f"{rel}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                ids.extend(f"{rel}::{node.name}::{item.name}" for item in node.body
                           if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                           and item.name.startswith("test"))
    return list(dict.fromkeys(ids))


MAX_CASES = 50  # parametrized cases per test function


def expand_parametrized(expected, reported) -> list:
    """A test function the child reported as parametrized cases (`name[case]`) stands for those
    cases, at most MAX_CASES of them; any other id the child made up is dropped."""
    ids = []
    for node_id in expected:
        cases = [i for i in reported if i.startswith(node_id + "[") and i.endswith("]")][:MAX_CASES]
        ids.extend(cases or [node_id])
    return ids


def child_tests(report) -> dict:
    tests = {}
    for item in (report or {}).get("tests", [])[:100_000] if isinstance((report or {}).get("tests"), list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or len(item["id"]) > ID_LIMIT:
            continue
        if item.get("outcome") not in TEST_OUTCOMES or item["id"] in tests:
            continue
        tests[item["id"]] = {"id": text(item["id"], ID_LIMIT), "outcome": item["outcome"],
                             "durationMs": number(item.get("durationMs")),
                             "message": text(item.get("message"), MESSAGE_LIMIT, None)}
    return tests


def diagnostics(report, known_tests) -> list:
    items = (report or {}).get("diagnostics")
    out = []
    for item in items if isinstance(items, list) else []:
        if len(out) >= MAX_DIAGNOSTICS:
            break
        if not isinstance(item, dict) or item.get("code") not in DIAGNOSTIC_CODES:
            continue
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        line = location.get("line")
        test = item.get("test")
        out.append({
            "code": item["code"],
            "severity": "warning" if item.get("severity") == "warning" else "error",
            "message": text(item.get("message"), MESSAGE_LIMIT) or item["code"],
            "location": {"file": text(location.get("file"), ID_LIMIT) or "?",
                         "line": int(line) if isinstance(line, int) and not isinstance(line, bool)
                         and 1 <= line <= 10 ** 6 else 1},
            "test": test if isinstance(test, str) and (known_tests is None or test in known_tests) else None,
            "evidence": text(item.get("evidence"), EVIDENCE_LIMIT),
            "explanation": text(item.get("explanation"), TEXT_LIMIT),
            "hint": text(item.get("hint"), TEXT_LIMIT),
            "chapter": item["chapter"] if isinstance(item.get("chapter"), int)
            and not isinstance(item.get("chapter"), bool) and 0 < item["chapter"] < 100 else None,
            "source": item.get("source") if item.get("source") in ("runtime", "static", "both") else "runtime",
        })
    return out


def run_outcome(report):
    value = (report or {}).get("runOutcome")
    if isinstance(value, dict) and value.get("kind") in CHILD_RUN_OUTCOMES:
        return {"kind": value["kind"], "message": text(value.get("message"), MESSAGE_LIMIT)}
    return None


def runtime(report):
    value = (report or {}).get("runtime")
    value = value if isinstance(value, dict) else {}
    return {"python": text(value.get("python"), 32) or "unknown",
            "pytest": text(value.get("pytest"), 32, None), "pytestAsyncio": text(value.get("pytestAsyncio"), 32, None)}


def timings(report, total_ms):
    value = (report or {}).get("timings")
    value = value if isinstance(value, dict) else {}
    return {"collectMs": number(value.get("collectMs")), "testsMs": number(value.get("testsMs")),
            "totalMs": round(total_ms, 1)}
