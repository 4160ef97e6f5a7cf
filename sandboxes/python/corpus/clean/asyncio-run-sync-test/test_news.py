import news


def test_cli():
    assert news.cli(["bbc", "npr"]) == ["bbc headline", "npr headline"]


def test_cli_twice_gets_a_fresh_loop_each_time():
    assert news.cli(["ap"]) == ["ap headline"]
