import pytest

import news

pending = []


def test_prepare_requests():
    # The coroutine survives this test in a module-level list; it is dropped in the next one.
    pending.append(news.fetch("https://example.test/a"))  # expect: never-awaited test=test_prepare_requests
    assert len(pending) == 1


def test_reset_requests():
    pending.clear()
    assert pending == []
