import news


def test_run_returns_every_item():
    assert news.run(["a", "b", "c"]) == ["a", "b", "c"]
