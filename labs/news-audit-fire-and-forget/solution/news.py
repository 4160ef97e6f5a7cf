"""news.py: fetch headlines, and write an audit record for every source fetched.

A source is any object with a `name` and an `async def fetch()` that returns a list of titles.
`audit.record(source_name, count)` is async; it raises AuditError when the audit store refuses
the write.

Compliance rule: headlines may be served only once their audit records are written. If one
cannot be written, fetch_all() must fail with that AuditError.
"""
import asyncio


class AuditError(Exception):
    pass


async def fetch(source, audit):
    titles = await source.fetch()
    await audit.record(source.name, len(titles))
    return titles


async def fetch_all(sources, audit):
    """Fetch every source concurrently; returns a dict source name -> titles, in the order given."""
    results = await asyncio.gather(*(fetch(source, audit) for source in sources))
    return {source.name: titles for source, titles in zip(sources, results)}
