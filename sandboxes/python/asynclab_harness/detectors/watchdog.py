"""The watchdog thread: samples long loop steps and is the last resort for a stuck test.

It wakes every few milliseconds, which costs the main thread almost nothing (the GIL is handed
over at most once per wake). If a test runs past its limit and the SIGALRM verdict could not end
it either (learner code that catches everything, or C code that never returns to Python), the
watchdog prints the report as far as it goes and ends the process, so the worker still gets one.
"""

import threading
import time

from ..context import harness
from . import blocking

SAMPLE_SEC = 0.01
GRACE_SEC = 3.0


class Watchdog(threading.Thread):
    def __init__(self, emergency):
        super().__init__(name="asynclab-watchdog", daemon=True)
        self.emergency = emergency
        self.deadline = None  # monotonic time after which the run is given up on
        self._halt = threading.Event()

    def run(self):
        harness.harness_threads.add(threading.get_ident())
        while not self._halt.wait(SAMPLE_SEC):
            try:
                blocking.sample()
            except Exception:
                pass
            deadline = self.deadline
            if deadline is not None and time.monotonic() > deadline + GRACE_SEC:
                self.emergency()
                return

    def stop(self):
        self._halt.set()
