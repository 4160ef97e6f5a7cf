"""Verdicts on a busy machine: does a neighbour's load change what the harness reports?

    python3 sandboxes/python/bench/bench_under_load.py [--hogs-per-cpu 8] [--runs 1]

A worker runs many sandboxes on two cores, so a learner's run shares its CPU. The time-based
findings (`blocking-call`, `timeout`) are the ones load could fake or hide. This bench runs the
clean programs (which must yield no diagnostic) and the blocking-call and timeout cases (which must
yield exactly their expected ones) twice in the same run: on a quiet machine (the baseline), then
with busy processes on every CPU, and prints for each: false positives on the clean programs,
cases whose diagnostics differ from expected.json, and the harness's wall time.
"""

import argparse
import json
import os
import signal
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from harness_run import corpus_cases, run_submission  # noqa: E402

TIME_BASED = ("clean/", "blocking-call/", "timeout/")


def start_hogs(per_cpu: int) -> list:
    hogs = []
    for cpu in sorted(os.sched_getaffinity(0)):
        for _ in range(per_cpu):
            pid = os.fork()
            if pid == 0:
                os.sched_setaffinity(0, {cpu})
                while True:
                    pass
            hogs.append(pid)
    return hogs


def stop_hogs(hogs: list) -> None:
    for pid in hogs:
        os.kill(pid, signal.SIGKILL)
    for pid in hogs:
        os.waitpid(pid, 0)


def found(report: dict) -> set:
    return {(d["code"], d["location"]["file"], d["location"]["line"]) for d in report["diagnostics"]}


def expected(path: Path) -> set:
    return {(d["code"], d["file"], d["line"]) for d in json.loads((path / "expected.json").read_text())["diagnostics"]}


def one_round(cases: dict) -> dict:
    false_positives, wrong, walls = [], [], []
    for name, path in cases.items():
        run = run_submission(path, timeout=300)
        walls.append(run.wall)
        got, want = found(run.report), expected(path)
        if name.startswith("clean/"):
            false_positives += [f"{name}: {code} {file}:{line}" for code, file, line in sorted(got)]
        elif got != want:
            wrong.append(f"{name}: expected {sorted(want)}, got {sorted(got)}")
    return {"false_positives": false_positives, "wrong": wrong, "wall": sum(walls)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hogs-per-cpu", type=int, default=8)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    cases = {n: p for n, p in corpus_cases() if n.startswith(TIME_BASED)}
    clean = sum(n.startswith("clean/") for n in cases)
    cpus = len(os.sched_getaffinity(0))
    print(f"verdicts under load: {clean} clean programs, {len(cases) - clean} blocking-call/timeout cases, "
          f"{args.runs} round(s) each; load: {args.hogs_per_cpu} busy processes per CPU on {cpus} CPU(s)\n")
    results = {"quiet": [], "loaded": []}
    for _ in range(args.runs):
        results["quiet"].append(one_round(cases))
        hogs = start_hogs(args.hogs_per_cpu)
        time.sleep(0.5)
        try:
            results["loaded"].append(one_round(cases))
        finally:
            stop_hogs(hogs)
    print(f"{'':8} {'false positives (clean)':>24} {'cases not as expected':>22} {'harness wall, median round':>27}")
    for mode, rounds in results.items():
        fps = sum(len(r["false_positives"]) for r in rounds)
        wrong = sum(len(r["wrong"]) for r in rounds)
        wall = statistics.median(r["wall"] for r in rounds)
        print(f"{mode:8} {fps:>24} {wrong:>22} {wall:>25.1f} s")
    quiet_wall = statistics.median(r["wall"] for r in results["quiet"])
    loaded_wall = statistics.median(r["wall"] for r in results["loaded"])
    print(f"\nloaded / quiet wall time: {loaded_wall / quiet_wall:.1f}x (how slow the load made each run)")
    for mode, rounds in results.items():
        for r in rounds:
            for line in r["false_positives"] + r["wrong"]:
                print(f"  {mode}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
