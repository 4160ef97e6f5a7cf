from news import headlines


def test_headlines():
    assert headlines(["bbc"]) == ["bbc headline"]
