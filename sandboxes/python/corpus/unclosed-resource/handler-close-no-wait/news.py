import asyncio

HEADLINES = [b"Rain in the north", b"Markets calm"]


class HeadlineServer:
    """Serves the current headlines, one per line, to whoever connects."""

    def __init__(self, headlines=HEADLINES):
        self.headlines = list(headlines)
        self.served = 0

    async def _serve(self, reader, writer):
        for line in self.headlines:
            writer.write(line + b"\n")
        await writer.drain()
        self.served += 1
        writer.close()  # expect: unclosed-resource

    async def start(self):
        return await asyncio.start_server(self._serve, "127.0.0.1", 0)
