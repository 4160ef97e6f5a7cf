import news


def test_headline():
    assert news.headline("bbc") == "bbc headline"
    news.shutdown()


def test_headline_after_shutdown():
    assert news.headline("npr") == "npr headline"
