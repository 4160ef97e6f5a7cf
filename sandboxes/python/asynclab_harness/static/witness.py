"""Runs the static checks over the learner's files and turns hits into diagnostics.

What it reads: `learnerFiles` from run.json (or every .py file in the submission when that list
is empty). Findings become Diagnostic objects without a test; diagnostics.py merges them with the
runtime's (one diagnostic with source "both" when both saw it, a "static" warning otherwise).
"""

import os

from .. import astindex
from ..diagnostics import Diagnostic
from . import checks, streams
from .symbols import FileSymbols, module_names


def learner_paths(ws):
    out = []
    for dirpath, dirnames, filenames in os.walk(ws.root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(".py") and ws.kind(path) == "learner":
                out.append((ws.rel(path), path))
    return sorted(out)


def run(ws, strict: bool = True):
    paths = learner_paths(ws)
    modules = {}
    for name, path in module_names(paths).items():
        tree = astindex.tree(path)
        if tree is not None:
            modules[name] = tree
    findings = []
    for rel, path in paths:
        tree = astindex.tree(path)
        if tree is None:
            continue
        sym = FileSymbols(path, tree, modules, ws.root)
        is_test = ws.is_test_file(path)
        hits = list(checks.dropped_coroutines(sym, is_test))
        hits += checks.blocking_calls(sym)
        hits += checks.swallowed_cancellations(tree)
        hits += streams.streams_left_open(sym)
        if is_test:
            hits += checks.unmarked_async_tests(tree, strict, sym.aliases)
            hits += checks.unittest_async_tests(sym)
        for code, line, message, evidence in hits:
            findings.append(Diagnostic(
                code=code, message=f"{message} ({rel}:{line})", file=rel, line=line, test=None,
                evidence=f"{rel}:{line}: {evidence}", source="static", severity="warning"))
    return findings
