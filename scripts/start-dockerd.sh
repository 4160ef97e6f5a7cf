#!/usr/bin/env bash
# Starts the Docker engine in the background and waits until it answers: the single-machine
# start (provision.sh) and the fault suite's engine-restart row start it the same way.
set -euo pipefail
log=${ASYNCLAB_DOCKERD_LOG:-/tmp/asynclab-dockerd.log}
nohup dockerd >>"$log" 2>&1 &
for _ in $(seq 1 120); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 0.5
done
tail -20 "$log" >&2
exit 1
