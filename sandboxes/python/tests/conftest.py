import os
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the package

from harness_run import corpus_cases, run_submission  # noqa: E402

WORKERS = 2  # the machines have two cores


@pytest.fixture(scope="session")
def corpus_runs():
    """Every corpus case through the harness once, two at a time."""
    cases = dict(corpus_cases())
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {name: pool.submit(run_submission, path) for name, path in cases.items()}
    return {name: f for name, f in futures.items()}
