async def headline_or_none(client, source):
    """The title of the source's top story, or None when the source is unreachable."""
    try:
        page = await client.get(f"https://{source}.test/top")
    except Exception:
        return None
    return page["title"]
