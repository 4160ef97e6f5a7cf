"""Runs the harness the way the worker does: a submission folder, a run.json, a nonce, a fresh
`python3 -m asynclab_harness` process; then splits its stdout at the sentinel."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]   # sandboxes/python
CORPUS = PACKAGE_ROOT / "corpus"
SCHEMA = json.loads((PACKAGE_ROOT / "report.schema.json").read_text())
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
NONCE = "5eed" * 8


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    report: dict
    before_report: str
    wall: float


def default_run_json(case_dir: Path) -> dict:
    learner = sorted(
        str(p.relative_to(case_dir)).replace(os.sep, "/")
        for p in case_dir.rglob("*.py")
        if "hidden" not in p.relative_to(case_dir).parts
    )
    return {"learnerFiles": learner, "perTestTimeoutSec": 2, "blockingThresholdMs": 100}


def run_submission(files_dir: Path, run_json: dict = None, timeout: float = 60) -> Run:
    """Copies the submission to a temp dir (the source tree stays untouched) and runs it."""
    work = Path(tempfile.mkdtemp(prefix="asynclab-case-"))
    try:
        shutil.copytree(files_dir, work, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.json", "run.json", "__pycache__"))
        if run_json is None:
            own = files_dir / "run.json"
            run_json = json.loads(own.read_text()) if own.exists() else default_run_json(files_dir)
        (work / ".asynclab").mkdir(exist_ok=True)
        (work / ".asynclab" / "run.json").write_text(json.dumps(run_json))
        return _run_in(work, timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_in(work: Path, timeout: float) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "ASYNCLAB"))}
    env.update({
        "ASYNCLAB_REPORT_NONCE": NONCE,
        "PYTHONPATH": str(PACKAGE_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": tempfile.gettempdir(),
    })
    started = time.perf_counter()
    proc = subprocess.run([PYTHON, "-m", "asynclab_harness"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - started
    sentinel = f"@@ASYNCLAB-REPORT {NONCE}@@\n"
    if sentinel not in proc.stdout:
        raise AssertionError(f"no report\nstdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}")
    before, after = proc.stdout.rsplit(sentinel, 1)
    return Run(proc.returncode, proc.stdout, proc.stderr, json.loads(after), before, wall)


def validate(instance, schema=SCHEMA, path="$"):
    """A small JSON Schema check (the subset report.schema.json uses; the sandbox has no PyPI)."""
    errors = []
    if "const" in schema and instance != schema["const"]:
        errors.append(f"{path}: {instance!r} != {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{path}: {instance!r} not in {schema['enum']}")
    if "oneOf" in schema:
        if sum(not validate(instance, s, path) for s in schema["oneOf"]) != 1:
            errors.append(f"{path}: matches not exactly one of oneOf")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(instance, t) for t in types):
            return errors + [f"{path}: {type(instance).__name__} is not {types}"]
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                errors.append(f"{path}: missing {key}")
        props = schema.get("properties", {})
        for key, value in instance.items():
            if key in props:
                errors += validate(value, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            errors += validate(item, schema["items"], f"{path}[{i}]")
    if isinstance(instance, str):
        if len(instance) > schema.get("maxLength", len(instance)):
            errors.append(f"{path}: longer than {schema['maxLength']}")
        if len(instance) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']}")
    if isinstance(instance, (int, float)) and not isinstance(instance, bool):
        if "minimum" in schema and instance < schema["minimum"]:
            errors.append(f"{path}: below {schema['minimum']}")
    return errors


def _is_type(value, name):
    return {
        "null": value is None,
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
    }[name]


def corpus_cases():
    for group in sorted(p for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        for case in sorted(p for p in group.iterdir() if p.is_dir()):
            yield f"{group.name}/{case.name}", case
