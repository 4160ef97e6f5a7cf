"""The watchdog thread: samples long loop steps and is the last resort for a stuck test.

It wakes every few milliseconds, which costs the main thread almost nothing (the GIL is handed
over at most once per wake). If a test runs past its limit and the SIGALRM verdict could not end
it either (learner code that catches everything, or C code that never returns to Python), the
watchdog prints the report as far as it goes and ends the process, so the worker still gets one.

Like the per-test limit, the last resort counts the time the main thread had, not the time it sat
on a run queue waiting for a CPU (cpuwait.py: the reading is the main thread's, whichever thread
reads it): on a loaded worker the end-of-test clean-up alone can take seconds of wall-clock time,
and giving up on it then would fail a correct test for its neighbours' load.
"""

import sys
import threading
import time

from ..context import harness
from . import blocking, cpuwait

SAMPLE_SEC = 0.01
GRACE_SEC = 3.0
MAX_WAIT_CREDIT_SEC = 30.0  # a bound, so a test can never keep the run alive through credit alone


class Watchdog(threading.Thread):
    def __init__(self, emergency):
        super().__init__(name="asynclab-watchdog", daemon=True)
        self.emergency = emergency
        self._deadline = None  # monotonic time after which the run is given up on
        self._queued = None    # the main thread's cpuwait reading when the deadline was set
        self._halt = threading.Event()

    @property
    def deadline(self):
        return self._deadline

    @deadline.setter
    def deadline(self, value):
        # Set by the main thread, read by this one: the reading goes first, so a deadline is never
        # checked against the previous deadline's reading. Waits before a moved deadline are in it.
        self._queued = cpuwait.raw()
        self._deadline = value

    def given_up(self, now: float) -> bool:
        deadline, queued = self._deadline, self._queued
        if deadline is None or now <= deadline + GRACE_SEC:
            return False
        waited = min(cpuwait.since(queued).waited, MAX_WAIT_CREDIT_SEC)
        return now > deadline + GRACE_SEC + waited

    def run(self):
        harness.harness_threads.add(threading.get_ident())
        perf = time.perf_counter
        while True:
            asked = perf()
            if self._halt.wait(SAMPLE_SEC):
                return
            got = perf()  # the GIL is ours again
            step = blocking.clock.step
            try:
                blocking.sample()
            except Exception:
                pass
            self._note_handover(step, asked, got, perf())
            if self.given_up(time.monotonic()):
                self.emergency()
                return

    @staticmethod
    def _note_handover(step: int, asked: float, got: float, now: float) -> None:
        # Back later than the switch interval after the wait ended: the loop's thread held the GIL and
        # was made to hand it over; from then until this thread lets go (its next wait) it sleeps on it.
        late = got - asked - SAMPLE_SEC
        switch = sys.getswitchinterval()
        if late >= switch:
            blocking.note_handover(step, late - switch + (now - got))

    def stop(self):
        self._halt.set()
