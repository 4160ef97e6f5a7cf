import asyncio

PAYLOAD = b"x" * (8 * 1024 * 1024)


async def upload(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(PAYLOAD)
    # close() only starts closing: the transport still has to flush the buffer to the peer.
    writer.close()  # expect: unclosed-resource
    return len(PAYLOAD)
