import asyncio


async def fetch_and_close(client, url):
    body = await client.get(url)
    client.close()  # expect: asyncmock-not-awaited
    return body
