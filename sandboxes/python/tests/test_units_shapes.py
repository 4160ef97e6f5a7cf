"""The source readers behind the wild-form shapes (issue 15): streams left open on a path out of
a function, teardowns that wait for what they cancelled, unittest-style async tests, and the
await around a plain mock's call. No subprocess: real files, real code objects."""

import asyncio
import importlib.util
import sys
import textwrap

from asynclab_harness import astindex
from asynclab_harness.static import checks, streams
from asynclab_harness.static.symbols import FileSymbols


def _sym(tmp_path, source, name):
    path = tmp_path / name  # astindex caches by file name: one name per source
    path.write_text(textwrap.dedent(source))
    return FileSymbols(str(path), astindex.tree(str(path)), {}, str(tmp_path))


def _lines(hits):
    return sorted(hit[1] for hit in hits)


def test_stream_left_open_on_early_return_or_raise(tmp_path):
    sym = _sym(tmp_path, """
        import asyncio
        async def banner(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            line = await reader.readline()
            if not line:
                return None
            writer.close()
            await writer.wait_closed()
            return line
        async def header(port):
            reader, w = await asyncio.open_connection("127.0.0.1", port)
            if await reader.readline() != b"OK\\n":
                raise ValueError("bad header")
            w.close()
    """, "open1.py")
    hits = list(streams.streams_left_open(sym))
    assert _lines(hits) == [4, 12]
    assert "returns at line 7" in hits[0][2] and "raises at line 14" in hits[1][2]


def test_stream_closed_on_every_path_is_not_flagged(tmp_path):
    sym = _sym(tmp_path, """
        import asyncio
        async def with_finally(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                if not await reader.readline():
                    return None
                return 1
            finally:
                writer.close()
                await writer.wait_closed()
        async def close_then_raise(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if not await reader.readline():
                writer.close()
                raise ValueError()
            writer.close()
        async def hands_it_over(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if writer.is_closing():
                return None
            return reader, writer
        async def open_failed(port):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                return False
            writer.close()
            return True
        async def except_closes(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                raise ValueError()
            except ValueError:
                writer.close()
                raise
        async def closed_in_else(port):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                ok = False
            else:
                writer.close()
                ok = True
            return ok
        async def other_branch(port, fast):
            if fast:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
            else:
                return None
    """, "open2.py")
    assert list(streams.streams_left_open(sym)) == []


def test_teardown_waiting_for_what_it_cancelled_is_not_a_swallow(tmp_path):
    sym = _sym(tmp_path, """
        import asyncio
        async def fixture_teardown(workers):
            for worker in workers:
                worker.cancel()
            try:
                await asyncio.gather(*workers)
            except asyncio.CancelledError:
                pass
        async def stop(self):
            [p.cancel() for p in self.pollers]
            try:
                await asyncio.wait_for(asyncio.gather(*self.pollers), timeout=1)
            except asyncio.CancelledError:
                pass
        async def carries_on(children):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                for child in children:
                    child.cancel()
            await asyncio.gather(*children)
    """, "teardown.py")
    assert _lines(checks.swallowed_cancellations(sym.tree)) == [19]


def test_unittest_async_methods(tmp_path):
    sym = _sym(tmp_path, """
        import unittest
        from unittest import TestCase as Base
        from django.test import TestCase as DjangoCase
        class Plain(unittest.TestCase):
            async def test_a(self):
                pass
        class Through(Base):
            pass
        class TestDeep(Through):
            async def test_b(self):
                pass
            async def helper(self):
                pass
        class TestIsolated(unittest.IsolatedAsyncioTestCase):
            async def test_c(self):
                pass
        class TestDjango(DjangoCase):
            async def test_d(self):
                pass
    """, "test_ut.py")
    assert _lines(checks.unittest_async_tests(sym)) == [6, 11]
    # pytest-asyncio's missing-marker check leaves unittest classes alone (and Django's runs async tests)
    assert _lines(checks.unmarked_async_tests(sym.tree, True, sym.aliases)) == []


def test_awaited_call_is_found_from_the_calling_instruction(tmp_path):
    path = tmp_path / "calls.py"
    path.write_text(textwrap.dedent("""
        async def use(client, seen):
            client.log("x"); await client.get(client.key())
            value = [await client.put(1)]
            return value
    """))
    spec = importlib.util.spec_from_file_location("calls", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    seen = []

    class Client:
        def __getattr__(self, name):
            def call(*args):
                frame = sys._getframe(1)
                seen.append((name, astindex.awaited_call_at(frame.f_code, frame.f_lasti)))
                return asyncio.sleep(0) if name in ("get", "put") else None
            return call

    asyncio.run(module.use(Client(), seen))
    assert seen == [("log", False), ("key", False), ("get", True), ("put", True)]
