"""Exceptions raised where nobody can catch them (finalizers, callbacks at garbage collection).

pytest's own unraisable plugin is turned off (it keeps only the last one per test phase); this
hook sees all of them, classifies the asyncio ones, then prints them as Python would.
"""

import sys

from . import mocks, wrong_loop
from .verdicts import HarnessVerdict


def install() -> None:
    previous = sys.unraisablehook

    def hook(unraisable):
        exc = unraisable.exc_value
        if isinstance(exc, HarnessVerdict):
            return  # a verdict surfacing again in a finalizer: already reported
        try:
            if exc is not None:
                wrong_loop.check(exc)
                mocks.check_exception(exc)
        except Exception:
            pass
        previous(unraisable)

    sys.unraisablehook = hook
