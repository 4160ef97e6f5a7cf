import asyncio

import pytest

import news


def feed_server(payload):
    async def handle(reader, writer):
        await reader.readline()
        writer.write(payload)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    return handle


@pytest.mark.asyncio
async def test_reads_items():
    server = await asyncio.start_server(feed_server(b"FEED 1\na\nb\n"), "127.0.0.1", 0)
    async with server:
        assert await news.fetch_feed(server.sockets[0].getsockname()[1]) == ["a", "b"]


@pytest.mark.asyncio
async def test_rejects_other_protocols():
    server = await asyncio.start_server(feed_server(b"HTTP/1.1 400\n"), "127.0.0.1", 0)
    async with server:
        with pytest.raises(news.FeedError):
            await news.fetch_feed(server.sockets[0].getsockname()[1])
