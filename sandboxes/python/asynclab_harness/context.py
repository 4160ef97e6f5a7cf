"""The run's shared state: which test is running, where findings go.

One instance per process (`harness`), set up by `__main__` before pytest starts. Detectors read
the current test from here, so a finding made at garbage collection or from the loop's exception
handler still lands on the test it belongs to.
"""

import threading
from typing import Dict, List, Optional

from .diagnostics import Collector, Diagnostic
from .runconfig import RunConfig
from .workspace import Frame, Workspace


class Harness:
    def __init__(self):
        self.config: Optional[RunConfig] = None
        self.ws: Optional[Workspace] = None
        self.collector = Collector()
        self.current_test: Optional[str] = None
        self.current_function = None  # the running test's Python function
        # (abs filename, function name) -> node ids, to give a finding made later (at garbage
        # collection, in another test) back to the test whose frame appears in its origin.
        self.test_functions: Dict[tuple, List[str]] = {}
        # Tests the harness ended itself (deadlock, timeout): their follow-on noise is not a bug.
        self.stopped_tests: set = set()
        self.main_thread = threading.main_thread().ident
        self.harness_threads: set = set()
        self.asyncio_strict = True

    def setup(self, config: RunConfig):
        self.config = config
        self.ws = Workspace(config.root, config.learner_files)

    def attribute(self, stack: Optional[List[Frame]] = None) -> Optional[str]:
        """The test a stack belongs to: a test function in the stack, else the running test."""
        for filename, _line, func in stack or ():
            ids = self.test_functions.get((filename, func))
            if ids:
                if self.current_test in ids:
                    return self.current_test
                return ids[0]
        return self.current_test

    def report(self, code: str, where: Frame, message: str, evidence: str, test="current",
               severity: str = "", hint_extra: str = "", **meta) -> Optional[Diagnostic]:
        if where is None or self.ws is None:
            return None
        if test == "current":
            test = self.current_test
        diag = Diagnostic(
            code=code,
            message=message,
            file=self.ws.rel(where[0]),
            line=int(where[1]),
            test=test,
            evidence=self.ws.relocate(evidence or ""),
            severity=severity,
            hint_extra=hint_extra,
            meta=meta,
        )
        return self.collector.add(diag)

    def place(self, where: Frame) -> str:
        return f"{self.ws.rel(where[0])}:{where[1]}"


harness = Harness()
