async def publish(client, headline):
    await client.post("/headlines", json={"title": headline})
