#!/usr/bin/env bash
# `npm run bench:analyzer [-- --runs N]`: the analyzer's corpus bench (sandboxes/python/bench),
# inside the sandbox image as learner code runs: per-code detection and exact-line hits, false
# positives on the clean programs, wall time against plain pytest, deadlock time-to-verdict.
# `npm run bench:analyzer:load [-- --hogs-per-cpu 8 --runs 1]`: bench/bench_under_load.py, the
# time-based verdicts (clean programs, blocking-call, timeout) on a quiet and on a loaded CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision.sh >/dev/null
bench=bench/bench_analyzer.py
if [ "${1:-}" = "--under-load" ]; then bench=bench/bench_under_load.py; shift; fi
image="asynclab-sandbox:$(sed -nE 's/^HARNESS_VERSION = "([^"]+)"/\1/p' sandboxes/python/asynclab_harness/version.py)"
docker run --rm --network none --read-only --tmpfs /tmp:rw,size=256m --memory 1g --pids-limit 512 \
  -v "$PWD/sandboxes/python:/src:ro" -w /src "$image" python3 "$bench" "$@"
