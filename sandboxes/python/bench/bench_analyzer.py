"""Measures the analyzer on its corpus. Runs in the sandbox image (or on a host with the same
Python 3.11 + pytest 7.2 + pytest-asyncio 0.20):

    python3 sandboxes/python/bench/bench_analyzer.py [--runs 5]

Prints:
  1. per code: cases expected / detected (code anywhere in the case) / exact (code+file+line);
     then per bug shape of issue 15 (bench/shapes.py): exact hits, extra diagnostics, look-alikes;
  2. false positives: diagnostics reported on the clean programs;
  3. wall time of the harness vs plain `python3 -m pytest` on the same non-hanging cases
     (median of --runs runs per case; target <= 1.25x);
  4. deadlock time-to-verdict after the loop stalls (target < 200 ms), against what a plain run
     waits for (forever: the worker's whole-run limit, or the per-test limit at best).
Nothing is written into the source tree: every run happens in a temporary copy.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from harness_run import PYTHON, corpus_cases, default_run_json, run_submission  # noqa: E402
from shapes import print_shapes  # noqa: E402

HANGING_CODES = {"deadlock", "timeout"}
PLAIN_LIMIT_SEC = 30


def plain_pytest(case: Path) -> float:
    work = Path(tempfile.mkdtemp(prefix="asynclab-plain-"))
    try:
        shutil.copytree(case, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.json"))
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(work))
        started = time.perf_counter()
        try:
            subprocess.run([PYTHON, "-m", "pytest", "-p", "no:cacheprovider"], cwd=work, env=env,
                           capture_output=True, timeout=PLAIN_LIMIT_SEC)
        except subprocess.TimeoutExpired:
            return None  # hangs without the harness: no plain time to compare with
        return time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stopped(message) -> bool:
    """The harness had to stop this test (a verdict, or the watchdog's last resort): under plain
    pytest it would hang, so the case has no plain wall time to compare with."""
    return any(mark in (message or "") for mark in ("Harness", "past its"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = dict(corpus_cases())

    print(f"asynclab harness bench: {len(cases)} corpus cases, {args.runs} timing runs each\n")
    reports = {name: run_submission(path).report for name, path in cases.items()}

    # 1. detection
    expected = {n: json.loads((p / "expected.json").read_text()) for n, p in cases.items()}
    stats = defaultdict(lambda: {"expected": 0, "detected": 0, "exact": 0})
    for name, exp in expected.items():
        got = reports[name]["diagnostics"]
        got_codes = {d["code"] for d in got}
        got_places = {(d["code"], d["location"]["file"], d["location"]["line"]) for d in got}
        for entry in exp["diagnostics"]:
            s = stats[entry["code"]]
            s["expected"] += 1
            s["detected"] += entry["code"] in got_codes
            s["exact"] += (entry["code"], entry["file"], entry["line"]) in got_places
    print(f"{'code':28} {'expected':>8} {'detected':>8} {'exact line':>10}")
    for code in sorted(stats):
        s = stats[code]
        print(f"{code:28} {s['expected']:8} {s['detected']:8} {s['exact']:10}")
    total = {k: sum(s[k] for s in stats.values()) for k in ("expected", "detected", "exact")}
    print(f"{'all':28} {total['expected']:8} {total['detected']:8} {total['exact']:10}")
    extra = sum(len(r["diagnostics"]) for r in reports.values()) - total["exact"]
    print(f"diagnostics beyond the expected ones (all cases): {extra}\n")
    print_shapes(expected, reports)

    # 2. false positives on clean programs
    clean = [n for n in cases if n.startswith("clean/")]
    fps = {n: reports[n]["diagnostics"] for n in clean if reports[n]["diagnostics"]}
    print(f"false positives on {len(clean)} clean programs: "
          f"{sum(len(v) for v in fps.values())}")
    for name, diags in fps.items():
        for d in diags:
            print(f"  {name}: {d['code']} {d['location']['file']}:{d['location']['line']}")
    print()

    # 3. overhead on non-hanging cases
    steady = [n for n in cases
              if not any(d["code"] in HANGING_CODES for d in reports[n]["diagnostics"])
              and not any(_stopped(t["message"]) for t in reports[n]["tests"])]
    harness_t, plain_t = defaultdict(list), defaultdict(list)
    hung = set()
    for _ in range(args.runs):
        for name in steady:
            if name in hung:
                continue
            plain = plain_pytest(cases[name])
            if plain is None:
                hung.add(name)
                continue
            harness_t[name].append(run_submission(cases[name]).wall)
            plain_t[name].append(plain)
    for name in sorted(hung):
        print(f"  left out: {name} (plain pytest ran past {PLAIN_LIMIT_SEC} s)")
    steady = [n for n in steady if n not in hung]
    h_med = {n: statistics.median(v) for n, v in harness_t.items()}
    p_med = {n: statistics.median(v) for n, v in plain_t.items()}
    ratios = sorted(h_med[n] / p_med[n] for n in steady)
    print(f"wall time on {len(steady)} non-hanging cases (median of {args.runs} runs each):")
    print(f"  harness total {sum(h_med.values()):.2f} s, plain pytest total {sum(p_med.values()):.2f} s, "
          f"ratio {sum(h_med.values()) / sum(p_med.values()):.3f}x (target <= 1.25x)")
    print(f"  per case ratio: median {statistics.median(ratios):.3f}x, worst {ratios[-1]:.3f}x")
    worst = sorted(steady, key=lambda n: h_med[n] / p_med[n])[-3:]
    for name in reversed(worst):
        print(f"    {name}: harness {h_med[name] * 1000:.0f} ms, plain {p_med[name] * 1000:.0f} ms")
    print()

    # 3b. per-test overhead on a larger suite (the corpus cases hold one or two tests each)
    suite = Path(tempfile.mkdtemp(prefix="asynclab-suite-"))
    try:
        lines = ["import asyncio", "import pytest", "", "async def fetch(i):",
                 "    await asyncio.sleep(0)", "    return i", ""]
        for i in range(80):
            lines += ["@pytest.mark.asyncio", f"async def test_{i}():",
                      f"    assert await asyncio.gather(*map(fetch, range({i % 7 + 1}))) == list(range({i % 7 + 1}))", ""]
        (suite / "test_suite.py").write_text("\n".join(lines))
        h = statistics.median(run_submission(suite).wall for _ in range(args.runs))
        p = statistics.median(plain_pytest(suite) for _ in range(args.runs))
        print(f"80-test async suite: harness {h * 1000:.0f} ms, plain {p * 1000:.0f} ms, ratio {h / p:.3f}x\n")
    finally:
        shutil.rmtree(suite, ignore_errors=True)

    # 4. deadlock time to verdict
    print("deadlock time to verdict (plain pytest: hangs until killed from outside):")
    limit = default_run_json(next(iter(cases.values())))["perTestTimeoutSec"]
    verdicts, durations = [], []
    for name in sorted(n for n in cases if n.startswith("deadlock/")):
        report = reports[name]
        after = [float(m.group(1)) for d in report["diagnostics"]
                 for m in [re.search(r"verdict ([0-9.]+) ms after", d["evidence"])] if m]
        failed = [t["durationMs"] for t in report["tests"] if t["outcome"] == "failed"]
        verdicts += after
        durations += failed
        print(f"  {name:38} stall->verdict {max(after, default=float('nan')):6.2f} ms, "
              f"whole test {max(failed, default=float('nan')):7.1f} ms")
    print(f"  max stall->verdict {max(verdicts):.2f} ms; max whole failing test {max(durations):.1f} ms "
          f"(target < 200 ms); per-test limit it would otherwise wait for: {limit} s here, "
          f"10 s by default, forever under plain pytest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
