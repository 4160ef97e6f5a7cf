async def publish(client, headline):
    response = await client.post("/headlines", json={"title": headline})
    await client.close()
    return response["id"]
