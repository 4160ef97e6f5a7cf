from news import fetch_headlines


async def test_every_source_has_a_headline():  # expect: silent-pass
    headlines = await fetch_headlines(["bbc", "npr"])
    assert len(headlines) == 3  # wrong, but this line never runs
