"""news.py: every reader's request runs under its own trace id.

The trace id lives in a ContextVar, so concurrent requests (each one a task of its own) never
see each other's id, and every log line says which request it belongs to.
"""
import asyncio
import contextlib
import contextvars
import itertools

trace_id = contextvars.ContextVar("trace_id", default=None)
LOG = []
_ids = itertools.count(1)


def new_trace_id():
    return f"t-{next(_ids):04d}"


@contextlib.contextmanager
def traced(tid=None):
    """Run the block under trace id `tid` (a new one by default); the previous id is restored after."""
    tid = tid or new_trace_id()
    token = trace_id.set(tid)
    try:
        yield tid
    finally:
        trace_id.reset(token)


def log(message):
    LOG.append(f"[{trace_id.get() or '-'}] {message}")


async def fetch(source):
    log(f"fetching {source.name}")
    titles = await source.fetch()
    log(f"{source.name}: {len(titles)} headlines")
    return titles


async def handle_request(sources):
    """One reader's request: fetch its sources concurrently, all under one new trace id.

    Returns (trace id, dict source name -> titles)."""
    with traced() as tid:
        results = await asyncio.gather(*(fetch(source) for source in sources))
    return tid, {source.name: titles for source, titles in zip(sources, results)}
