#!/usr/bin/env bash
# Builds the sandbox image asynclab-sandbox:<harness version>.
# The base (Debian python3 + pytest + pytest-asyncio) comes from a plain Dockerfile where a base
# image can be had, and otherwise from debootstrap + docker import, which needs no registry.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_IMAGE=asynclab-sandbox-base:bookworm
VERSION=$(sed -nE 's/^HARNESS_VERSION = "([^"]+)"/\1/p' sandboxes/python/asynclab_harness/version.py)
IMAGE=${SANDBOX_IMAGE:-asynclab-sandbox:$VERSION}

build_base_with_debootstrap() {
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  local rootfs
  rootfs=$(mktemp -d /tmp/asynclab-rootfs.XXXXXX)
  echo "sandbox:build: debootstrap bookworm into $rootfs (about a minute)"
  debootstrap --variant=minbase --include=python3,python3-pytest,python3-pytest-asyncio \
    bookworm "$rootfs" >/tmp/asynclab-debootstrap.log 2>&1 \
    || { tail -20 /tmp/asynclab-debootstrap.log; exit 1; }
  tar -C "$rootfs" -c . | docker import - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  if docker image inspect debian:bookworm-slim >/dev/null 2>&1 || docker pull -q debian:bookworm-slim >/dev/null 2>&1; then
    docker build -q -t "$BASE_IMAGE" -f sandboxes/python/Dockerfile.base sandboxes/python >/dev/null
  else
    build_base_with_debootstrap
  fi
fi

# Layer caching makes this a no-op when the harness has not changed.
docker build -q --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "HARNESS_VERSION=$VERSION" \
  -t "$IMAGE" sandboxes/python >/dev/null
# A rebuild leaves the previous harness layer dangling; remove ours only (they carry the label).
docker image prune -f --filter "label=org.asynclab.harness-version" >/dev/null
echo "sandbox:build: $IMAGE ready"
