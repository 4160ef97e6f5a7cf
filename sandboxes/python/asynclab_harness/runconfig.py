"""Reads /work/.asynclab/run.json (the worker's side of the contract)."""

import json
import os
from dataclasses import dataclass, field
from typing import List

DEFAULT_TIMEOUT_SEC = 10.0
DEFAULT_BLOCKING_MS = 100.0


@dataclass
class RunConfig:
    root: str
    test_paths: List[str] = field(default_factory=list)
    learner_files: List[str] = field(default_factory=list)
    per_test_timeout_sec: float = DEFAULT_TIMEOUT_SEC
    blocking_threshold_ms: float = DEFAULT_BLOCKING_MS


def _number(value, default):
    # A malformed run.json must not cost the learner their report: fall back, never crash.
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    return default


def _strings(value):
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def load(root: str) -> RunConfig:
    path = os.path.join(root, ".asynclab", "run.json")
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError):
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    return RunConfig(
        root=root,
        test_paths=_strings(raw.get("testPaths")),
        learner_files=_strings(raw.get("learnerFiles")),
        per_test_timeout_sec=_number(raw.get("perTestTimeoutSec"), DEFAULT_TIMEOUT_SEC),
        blocking_threshold_ms=_number(raw.get("blockingThresholdMs"), DEFAULT_BLOCKING_MS),
    )
