"""Exceptions the harness raises to end a test that can never finish.

They derive from SystemExit on purpose: `except Exception:` in learner code must not swallow
them, and asyncio's Task step re-raises SystemExit out of the loop instead of storing it in the
task, so a verdict raised inside a busy task still ends `run_until_complete` at once. pytest
records a SystemExit raised inside a test as that test's failure and goes on with the next.
"""


class HarnessVerdict(SystemExit):
    pass


class HarnessDeadlock(HarnessVerdict):
    pass


class HarnessTimeout(HarnessVerdict):
    pass
