#!/usr/bin/env bash
# Makes a machine of our kind (Debian bookworm, root, no container registry) ready to run
# asynclab: installs what is missing from Debian's packages, starts PostgreSQL, Redis and the
# Docker engine if they are not answering, and builds the sandbox image if it is missing.
# Idempotent: on a ready machine it checks and returns in a second or two.
# Where the services run elsewhere (docker compose, managed databases), do not call it.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PASSWORD=${ASYNCLAB_PG_PASSWORD:-postgres}
log() { echo "provision: $*"; }

need_packages=()
command -v pg_ctlcluster >/dev/null || need_packages+=(postgresql)
command -v redis-server >/dev/null || need_packages+=(redis-server)
command -v dockerd >/dev/null || need_packages+=(docker.io)
command -v debootstrap >/dev/null || need_packages+=(debootstrap)
# gVisor, only when asked for (SANDBOX_RUNTIME=runsc): a stronger sandbox boundary than runc. The
# test command asks for it too (registered, not the default), so the sandbox isolation tests run
# under both runtimes on every machine, not only where someone installed it by hand.
want_runsc=0
if [ "${SANDBOX_RUNTIME:-runc}" = runsc ] || [ "${ASYNCLAB_TEST_TOOLS:-0}" = 1 ]; then want_runsc=1; fi
if [ $want_runsc = 1 ] && ! command -v runsc >/dev/null; then need_packages+=(runsc); fi
if [ "${ASYNCLAB_TEST_TOOLS:-0}" = 1 ] && ! command -v chromium >/dev/null; then need_packages+=(chromium); fi
# The test command lints the harness's Python with Debian's pyflakes.
if [ "${ASYNCLAB_TEST_TOOLS:-0}" = 1 ] && ! command -v pyflakes3 >/dev/null; then need_packages+=(pyflakes3); fi
if [ ${#need_packages[@]} -gt 0 ]; then
  log "installing ${need_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/tmp/asynclab-apt.log 2>&1 \
    || { tail -20 /tmp/asynclab-apt.log; exit 1; }
fi

# PostgreSQL: the Debian cluster, with a password for TCP on 127.0.0.1.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  log "starting PostgreSQL $version"
  pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
su postgres -c "psql -qtAc \"ALTER ROLE postgres PASSWORD '$PG_PASSWORD'\"" >/dev/null

# Redis as BullMQ's production guide asks: append-only file fsynced every second, noeviction,
# data in ASYNCLAB_REDIS_DIR. (The Debian package's own service, when it runs, is left alone; the
# API and worker warn at start if its settings are unsafe.)
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  log "starting Redis (append-only, noeviction) in ${ASYNCLAB_REDIS_DIR:-/var/lib/asynclab/redis}"
  bash scripts/start-redis.sh 6379 "${ASYNCLAB_REDIS_DIR:-/var/lib/asynclab/redis}"
fi

# Docker engine.
if ! docker info >/dev/null 2>&1; then
  log "starting the Docker engine"
  bash scripts/start-dockerd.sh
fi

# gVisor registered as a Docker runtime. `--network=none`: without it every start fails ("cannot
# run with network enabled in root network namespace"); the sandbox has no network anyway. The
# daemon reloads its runtimes on SIGHUP, so a running engine is not restarted for this.
if [ $want_runsc = 1 ]; then
  if node scripts/register-runsc.js /etc/docker/daemon.json "$(command -v runsc)"; then
    log "registered runsc in /etc/docker/daemon.json; reloading the Docker engine"
    kill -HUP "$(pidof dockerd)"
    for _ in $(seq 1 20); do docker info 2>/dev/null | grep -q 'Runtimes:.*runsc' && break; sleep 0.5; done
  fi
  docker info 2>/dev/null | grep -q 'Runtimes:.*runsc' || { log "the Docker engine does not list the runsc runtime"; exit 1; }
fi

bash scripts/sandbox-build.sh
