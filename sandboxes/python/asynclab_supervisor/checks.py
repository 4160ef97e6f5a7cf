"""The lab's hidden checks, judged here and never in the learner's process.

A graded lab's hidden test is two halves (docs/lab-format.md, "Hidden checks"):
- the driver, `hidden/test_*.py`, runs in the child: it asks for this run's inputs with
  `grade.begin()`, exercises the learner's code with them and sends back what it observed with
  `grade.observe(...)`. It holds no expected value and no assertion.
- the judge, `hidden/judge_*.py`, which the worker puts in /work/.asynclab/private (root, 0600):
  `inputs_<test>(rng)` makes fresh inputs for each run (so an answer hard-coded from the driver
  fails) and `judge_<test>(given, seen, elapsed)` decides, raising AssertionError with a message
  for the learner. `elapsed` is measured here, between handing out the inputs and the answer.
"""

import importlib.util
import os
import random
import time

PRIVATE_DIR = os.path.join(".asynclab", "private")
MESSAGE_LIMIT = 2048


class Check:
    def __init__(self, node_id, make_inputs, judge):
        self.node_id, self.make_inputs, self.judge = node_id, make_inputs, judge
        self.given = None
        self.began_at = None
        self.verdict = None  # (outcome, message) once judged
        self.elapsed = None


class Checks:
    def __init__(self, checks):
        self.by_id = {c.node_id: c for c in checks}
        self.rng = random.Random(os.urandom(16))

    def __bool__(self):
        return bool(self.by_id)

    def ids(self):
        return list(self.by_id)

    def begin(self, node_id):
        check = self.by_id.get(node_id)
        if check is None or check.began_at is not None:
            return None  # unknown, or asked twice: a check runs once per run
        try:
            check.given = check.make_inputs(self.rng)
        except Exception as exc:  # the lab's own bug; never the learner's points
            check.verdict = ("error", f"the lab's hidden check could not start: {type(exc).__name__}")
            return None
        check.began_at = time.perf_counter()
        return check.given

    def observe(self, node_id, seen):
        check = self.by_id.get(node_id)
        if check is None or check.began_at is None or check.verdict is not None:
            return
        check.elapsed = time.perf_counter() - check.began_at
        try:
            check.judge(check.given, seen, check.elapsed)
            check.verdict = ("passed", None)
        except AssertionError as exc:
            check.verdict = ("failed", _cut(str(exc)) or "a hidden check failed")
        except Exception as exc:
            # What the child sent had the wrong shape (a key missing, a list instead of a dict).
            check.verdict = ("failed", f"a hidden check failed: the observed result did not have the "
                                       f"expected shape ({type(exc).__name__})")

    def result(self, node_id, child_outcome, child_message):
        """The check's outcome for the report. The child may only make it worse: a check passes
        when its judge passed and the child did not report the test as failing."""
        check = self.by_id[node_id]
        if check.verdict is None:
            if child_outcome in ("failed", "error"):
                return child_outcome, child_message
            return "failed", ("the hidden check never reported what it observed: the test did not "
                              "reach the end of its scenario")
        outcome, message = check.verdict
        if outcome == "passed" and child_outcome in ("failed", "error"):
            return child_outcome, child_message
        return outcome, message


def load(root: str) -> Checks:
    folder = os.path.join(root, PRIVATE_DIR)
    checks = []
    try:
        names = sorted(n for n in os.listdir(folder) if n.startswith("judge_") and n.endswith(".py"))
    except OSError:
        names = []
    for name in names:
        spec = importlib.util.spec_from_file_location(f"asynclab_judge_{name[:-3]}", os.path.join(folder, name))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # the lab author's code, trusted; never the learner's
        driver = getattr(module, "DRIVER")
        for attr in dir(module):
            if attr.startswith("judge_test"):
                test = attr[len("judge_"):]
                make = getattr(module, f"inputs_{test}", lambda rng: {})
                checks.append(Check(f"{driver}::{test}", make, getattr(module, attr)))
    return Checks(checks)


def _cut(text: str) -> str:
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 13] + "…[truncated]"
