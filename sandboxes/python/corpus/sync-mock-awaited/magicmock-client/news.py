async def fetch_headline(client, source):
    response = await client.get(f"https://{source}.test/top")
    return response["title"]
