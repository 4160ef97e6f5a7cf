#!/usr/bin/env bash
# Starts a Redis the way BullMQ's production guide asks: every write in an append-only file
# fsynced each second (a crash loses at most about a second, which the reconciler re-queues),
# and noeviction (an evicted job key would be a lost submission).
# Usage: start-redis.sh <port> <data dir>   (the single-machine start: 6379 /var/lib/asynclab/redis)
set -euo pipefail
port=${1:-6379}
dir=${2:-/var/lib/asynclab/redis}
mkdir -p "$dir"
redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$dir" \
  --appendonly yes --appendfsync everysec --save '' --maxmemory-policy noeviction \
  --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
for _ in $(seq 1 50); do
  redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && exit 0
  sleep 0.2
done
echo "redis on port $port did not start; see $dir/redis.log" >&2
exit 1
