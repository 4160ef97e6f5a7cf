#!/usr/bin/env bash
# The single-machine start: provisions and starts what is missing, builds, migrates, and serves
# the API (with the worker in the same process) on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build --silent
node scripts/run-dist.js libs/database/src/migrate-cli.js
exec node scripts/run-dist.js apps/server/src/main.js
