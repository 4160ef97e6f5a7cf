"""Shapes the report JSON (docs/harness-contract.md, "The report (version 1)").

Everything the worker stores comes from here; report.schema.json describes the same shape and
the harness tests check every report against it.
"""

import json
import platform

from . import diagnostics as diag_mod
from .context import harness
from .version import HARNESS_VERSION

REPORT_VERSION = 1
MESSAGE_LIMIT = 2048
REPORT_LIMIT = 1024 * 1024 - 4096  # under 1 MiB with room for the sentinel line


def runtime_versions() -> dict:
    versions = {"python": platform.python_version(), "pytest": None, "pytestAsyncio": None}
    try:
        import pytest
        versions["pytest"] = pytest.__version__
    except Exception:
        pass
    try:
        import pytest_asyncio
        versions["pytestAsyncio"] = pytest_asyncio.__version__
    except Exception:
        pass
    return versions


def build(plugin, static_findings, total_ms: float, run_outcome=None) -> dict:
    tests = [_test_json(t) for t in plugin.tests.values()]
    counts = {"total": len(tests), "passed": 0, "failed": 0, "error": 0, "skipped": 0}
    for t in tests:
        counts[t["outcome"]] += 1
    diagnostics = [d.to_json() for d in harness.collector.finalize(static_findings)]
    diagnostics.sort(key=lambda d: (d["location"]["file"], d["location"]["line"], d["code"],
                                    d["test"] or ""))
    if run_outcome is None and plugin.collect_errors:
        kind, message = plugin.collect_errors[0]
        run_outcome = {"kind": kind, "message": diag_mod.cut(message, MESSAGE_LIMIT)}
    if run_outcome is not None:
        outcome = "error"
    elif (counts["total"] > 0 and counts["passed"] == counts["total"]
          and not any(d["severity"] == "error" for d in diagnostics)):
        outcome = "pass"
    else:
        outcome = "fail"
    report = {
        "version": REPORT_VERSION,
        "harness": HARNESS_VERSION,
        "runtime": runtime_versions(),
        "outcome": outcome,
        "runOutcome": run_outcome,
        "counts": counts,
        "tests": tests,
        "diagnostics": diagnostics,
        "timings": _timings(plugin, total_ms),
    }
    return _fit(report)


def _test_json(record) -> dict:
    return {
        "id": record.id,
        "outcome": record.outcome,
        "durationMs": round(record.duration * 1000, 1),
        "message": diag_mod.cut(record.message, MESSAGE_LIMIT) if record.message else None,
    }


def _timings(plugin, total_ms) -> dict:
    def span(a, b):
        return round((b - a) * 1000, 1) if a is not None and b is not None else 0.0
    return {
        "collectMs": span(plugin.t_collect_start, plugin.t_collect_end),
        "testsMs": span(plugin.t_collect_end, plugin.t_tests_end),
        "totalMs": round(total_ms, 1),
    }


def _fit(report) -> dict:
    """Keep the document under 1 MiB: shorten evidence first, then drop the tail of the lists."""
    if len(dump(report).encode("utf-8")) <= REPORT_LIMIT:
        return report
    for d in report["diagnostics"]:
        d["evidence"] = diag_mod.cut(d["evidence"], 512)
    while len(dump(report).encode("utf-8")) > REPORT_LIMIT and len(report["diagnostics"]) > 50:
        report["diagnostics"] = report["diagnostics"][: len(report["diagnostics"]) * 3 // 4]
    while len(dump(report).encode("utf-8")) > REPORT_LIMIT and report["tests"]:
        report["tests"] = report["tests"][: len(report["tests"]) * 3 // 4]
    return report


def dump(report) -> str:
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))
