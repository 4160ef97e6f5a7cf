#!/usr/bin/env bash
# `npm test`: provisions what the tests need (PostgreSQL, Redis, Docker engine, sandbox image),
# runs the jest unit and e2e tests, the harness's own tests inside the sandbox image and the
# short fault suite (scripts/faults.ts), and
# ends with one line: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

# The tests need Debian's chromium (browser tests) and pyflakes3; the service itself does not.
ASYNCLAB_TEST_TOOLS=1 bash scripts/provision.sh || { echo "0 passed, 1 failed"; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d /tmp/asynclab-test.XXXXXX)
checks="$results/checks.txt"
# Static checks first (typecheck, lint, formatting, unit tests): one verdict in the closing line.
echo "npm run check:"
if npm run check --silent; then echo "pass npm-run-check" >>"$checks"; else echo "fail npm-run-check" >>"$checks"; fi
# The harness's Python: pyflakes (Debian's pyflakes3) over the harness, its tests and bench; the
# corpus is left out, its programs are buggy on purpose.
echo "pyflakes (sandboxes/python):"
if pyflakes3 sandboxes/python/asynclab_harness sandboxes/python/asynclab_supervisor sandboxes/python/tests sandboxes/python/bench; then echo "pass pyflakes" >>"$checks"; else echo "fail pyflakes" >>"$checks"; fi

# e2e tests share one database and one Docker engine: one test file at a time.
npx jest --runInBand --json --outputFile="$results/jest.json" "$@"
jest_status=$?

harness_status=0
if [ -d sandboxes/python/tests ]; then
  echo "harness tests (in the sandbox image):"
  image="asynclab-sandbox:$(sed -nE 's/^HARNESS_VERSION = "([^"]+)"/\1/p' sandboxes/python/asynclab_harness/version.py)"
  docker run --rm --network none --read-only --tmpfs /tmp:rw,size=256m --memory 1g --pids-limit 512 \
    -v "$PWD/sandboxes/python:/src:ro" -w /src "$image" \
    python3 -m pytest tests -q -p no:cacheprovider -o cache_dir=/tmp/pytest-cache 2>&1 | tee "$results/harness.txt"
  harness_status=${PIPESTATUS[0]}
fi

# The fault suite, short version (a few submissions per fault, a few minutes in all): one check
# per fault row. It starts its own Redis and PostgreSQL; the Docker row restarts dockerd.
echo "fault suite (short):"
npx ts-node --transpile-only -r tsconfig-paths/register scripts/faults.ts --short --checks "$checks" \
  || grep -q '^fail fault' "$checks" || echo "fail fault-suite" >>"$checks"

node scripts/test-summary.js "$results/jest.json" "$results/harness.txt" "$checks"
summary_status=$?
rm -rf "$results"
[ $jest_status -eq 0 ] && [ $harness_status -eq 0 ] && [ $summary_status -eq 0 ]
