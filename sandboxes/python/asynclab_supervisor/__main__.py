"""Entry point of the sandbox container (docs/harness-contract.md, docs/trust-model.md).

Runs as root with only CAP_SETUID and CAP_SETGID, under no-new-privileges. Starts the child
(pytest + learner code as uid 10001) and lets it import pytest and the harness while /work is
still empty of learner files; prints the ready line; when the files come on stdin (a warm
sandbox, ASYNCLAB_FILES=stdin) unpacks them; reads run.json, rewrites the code under test of a
fix-tests run, loads the hidden checks' judges, lets the child run, ends every process of that
user, and prints the sentinel line with the worker's nonce and the report. Learner code never
runs in this process.
"""

import json
import os
import sys
import time

T_START = time.perf_counter()
NONCE_ENV = "ASYNCLAB_REPORT_NONCE"
FILES_ENV = "ASYNCLAB_FILES"
REPORT_LIMIT = 1024 * 1024 - 4096
CRASH_HINT = "does the code call sys.exit() or os._exit(), or end the process another way?"
# The supervisor's own failure (a bug here or in a lab's judge): no report, this exit code. Learner
# code cannot make PID 1 exit, so the worker treats it as infra, never as the learner's outcome.
EXIT_SUPERVISOR_FAILED = 70


def main() -> None:
    nonce = os.environ.pop(NONCE_ENV, "")
    files_on_stdin = os.environ.pop(FILES_ENV, "") == "stdin"
    root = os.getcwd()
    try:
        report = run(root, ready=lambda: _ready(nonce, root if files_on_stdin else None))
    except BaseException:
        import traceback
        traceback.print_exc()  # no report: the worker sees the harness broke
        os._exit(EXIT_SUPERVISOR_FAILED)
    emit(nonce, report)
    os._exit(0)


def _ready(nonce: str, unpack_into) -> None:
    """The child is warm: say so (the worker's clock for the run starts here), then take the files."""
    from . import unpack
    data = f"@@ASYNCLAB-READY {nonce}@@\n".encode()
    while data:
        data = data[os.write(1, data):]
    if unpack_into is not None:
        unpack.read_files(0, unpack_into)


def run(root: str, harness_path: str = None, ready=lambda: None) -> dict:
    global T_START
    from . import checks as checks_mod, child, merge, rewrite
    warm = child.start(root, harness_path or child.HARNESS_PATH)
    ready()
    T_START = time.perf_counter()  # the run's own time, not the time spent waiting for it
    config = _config(root)
    for path in config["rewriteFiles"]:
        rewrite.rewrite_file(os.path.join(root, path))
    checks = checks_mod.load(root)
    child_report = {}

    def on_message(message, channel):
        try:
            handle(message, channel)
        except Exception:  # whatever the child sent, it is only data: never the supervisor's end
            pass

    def handle(message, channel):
        op, test = message.get("op"), message.get("test")
        if op == "begin" and isinstance(test, str):
            channel.send({"op": "inputs", "test": test, "inputs": checks.begin(test)})
        elif op == "observe" and isinstance(test, str):
            checks.observe(test, message.get("seen"))
        elif op == "report" and "report" not in child_report and isinstance(message.get("report"), dict):
            child_report["report"] = message["report"]

    status, channel = warm.run(on_message)
    given = child_report.get("report")
    run_outcome = merge.run_outcome(given)
    if given is None:
        why = channel.overflow or (f"the test process ended (exit code {_status(status)}) before pytest "
                                   f"finished: {CRASH_HINT}")
        run_outcome = {"kind": "crashed", "message": why}
    expected = merge.expected_test_ids(root, config["testPaths"])
    tests = [] if run_outcome else _tests(expected, merge.child_tests(given), checks)
    known = None if expected is None else set(expected)
    diagnostics = merge.diagnostics(given, known)
    counts = {"total": len(tests), "passed": 0, "failed": 0, "error": 0, "skipped": 0}
    for test in tests:
        counts[test["outcome"]] += 1
    if run_outcome is not None:
        outcome = "error"
    elif tests and counts["passed"] == len(tests) and not any(d["severity"] == "error" for d in diagnostics):
        outcome = "pass"
    else:
        outcome = "fail"
    from asynclab_harness.version import HARNESS_VERSION  # our own file in the image, not /work
    return _fit({
        "version": 1, "harness": HARNESS_VERSION, "runtime": merge.runtime(given),
        "outcome": outcome, "runOutcome": run_outcome, "counts": counts, "tests": tests,
        "diagnostics": sorted(diagnostics, key=lambda d: (d["location"]["file"], d["location"]["line"],
                                                          d["code"], d["test"] or "")),
        "timings": merge.timings(given, (time.perf_counter() - T_START) * 1000),
    })


def _tests(expected, reported, checks) -> list:
    from .merge import MAX_TESTS, expand_parametrized
    ids = list(reported)[:MAX_TESTS] if expected is None else expand_parametrized(expected, reported)
    ids += [i for i in checks.ids() if i not in ids]
    tests = []
    for node_id in ids:
        entry = reported.get(node_id)
        if node_id in checks.by_id:
            outcome, message = checks.result(node_id, entry and entry["outcome"], entry and entry["message"])
            elapsed = checks.by_id[node_id].elapsed
            duration = entry["durationMs"] if entry else round((elapsed or 0) * 1000, 1)
            tests.append({"id": node_id, "outcome": outcome, "durationMs": duration, "message": message})
        elif entry is not None:
            tests.append(entry)
        else:
            tests.append({"id": node_id, "outcome": "error", "durationMs": 0.0,
                          "message": "this test never reported a result: it did not run to its end"})
    return tests


def _config(root: str) -> dict:
    try:
        with open(os.path.join(root, ".asynclab", "run.json"), encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError):
        raw = {}
    raw = raw if isinstance(raw, dict) else {}
    strings = lambda v: [s for s in v if isinstance(s, str) and s] if isinstance(v, list) else []
    return {"testPaths": strings(raw.get("testPaths")), "rewriteFiles": strings(raw.get("rewriteFiles"))}


def _status(code: int) -> str:
    return f"{code}" if code >= 0 else f"{128 - code}, killed by signal {-code}"


def _fit(report: dict) -> dict:
    """Keep the document under 1 MiB: shorten evidence first, then drop the tail of the lists."""
    size = lambda: len(_dump(report).encode("utf-8"))
    if size() <= REPORT_LIMIT:
        return report
    for d in report["diagnostics"]:
        d["evidence"] = d["evidence"][:500]
    while size() > REPORT_LIMIT and len(report["diagnostics"]) > 20:
        report["diagnostics"] = report["diagnostics"][: len(report["diagnostics"]) * 3 // 4]
    while size() > REPORT_LIMIT and report["tests"]:
        report["tests"] = report["tests"][: len(report["tests"]) * 3 // 4]
    return report


def _dump(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))


def emit(nonce: str, report: dict) -> None:
    """The report, then the end line on both streams: every uid-10001 process is gone, so nothing
    follows, and the worker need not wait for the container's exit to know it has everything."""
    end = f"@@ASYNCLAB-END {nonce}@@\n".encode()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    for fd, data in ((2, end), (1, f"\n@@ASYNCLAB-REPORT {nonce}@@\n{_dump(report)}\n".encode("utf-8") + end)):
        while data:
            data = data[os.write(fd, data):]


if __name__ == "__main__":
    main()
