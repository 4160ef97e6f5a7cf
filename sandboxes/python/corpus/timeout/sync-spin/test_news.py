from news import collatz_steps


def test_collatz():
    assert collatz_steps(6) == 8


def test_other_tests_still_run():
    assert collatz_steps(1) == 0
