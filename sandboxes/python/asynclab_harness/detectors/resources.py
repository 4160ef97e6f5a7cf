"""Unclosed resources: sockets, transports, servers and loops left open.

A ResourceWarning fires when the object is garbage-collected, from wherever the collector
happened to run, so the warning's own location is useless. The learner needs the line that
opened the thing (or, for `writer.close()` without `await writer.wait_closed()`, the line that
started closing it). So the harness remembers, when each of these objects is made, the learner's
line on the stack at that moment, and looks it up when the warning comes.

Sites are kept by id() and never removed eagerly: during a garbage collection weak references are
cleared before finalizers run, but the id stays unique while the finalizer runs, which is when
the warning is emitted. Entries whose object died are pruned at test boundaries.
"""

import functools
import socket
import sys
import weakref

from ..context import harness
from ..workspace import stack_of

_sites = {}  # id(obj) -> (weakref or None, (file, line, func))
_closing = {}  # id(transport) -> (file, line, func) where close() was called
_owner = {}  # id(socket) -> id(transport): the socket may be finalized before its transport
_half_closed = {}  # id(StreamWriter) -> (weakref, learner close() site, test): no wait_closed() yet
_waited = set()  # ids of StreamWriters whose wait_closed() was called in this test


def _learner_site(skip=2):
    return harness.ws.pick(stack_of(sys._getframe(skip), stop_at_loop=True)) if harness.ws else None


def remember(obj, skip=2):
    site = _learner_site(skip + 1)
    if site is None:
        return
    try:
        ref = weakref.ref(obj)
    except TypeError:
        ref = None
    _sites[id(obj)] = (ref, site)


def link(sock, transport):
    _owner[id(sock)] = id(transport)


def site_of(obj):
    entry = _sites.get(id(obj))
    return entry[1] if entry else None


def prune():
    _report_half_closed()
    for key, (ref, _site) in list(_sites.items()):
        if ref is not None and ref() is None:
            del _sites[key]
    _closing.clear()
    _owner.clear()


def install():
    original_init = socket.socket.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        try:
            remember(self)
        except Exception:
            pass

    socket.socket.__init__ = __init__

    from asyncio import selector_events
    original_close = selector_events._SelectorTransport.close

    def close(self):
        try:
            site = _learner_site()
            if site is not None and not self.is_closing():
                _closing[id(self)] = site
        except Exception:
            pass
        return original_close(self)

    selector_events._SelectorTransport.close = close
    _install_stream_writer()


def _install_stream_writer():
    """`writer.close()` only starts closing: the transport flushes, then closes on a later turn
    of the loop, and `await writer.wait_closed()` is how the code knows it happened. Without it a
    ResourceWarning appears only when the loop ends first, so most runs show nothing. Every
    close() the learner's own line makes is noted, every wait_closed() call clears it, and what
    is left at the end of the test is reported at the close() line."""
    import asyncio
    original_close = asyncio.StreamWriter.close
    original_wait = asyncio.StreamWriter.wait_closed

    # functools.wraps, and wait_closed staying an `async def`: `MagicMock(spec=StreamWriter)` reads
    # these to decide which of its methods are AsyncMocks.
    @functools.wraps(original_close)
    def close(self):
        try:
            caller = sys._getframe(1)
            if harness.ws.kind(caller.f_code.co_filename) == "learner" and id(self) not in _waited \
                    and not self.is_closing():
                _half_closed[id(self)] = (weakref.ref(self), (caller.f_code.co_filename, caller.f_lineno,
                                                              caller.f_code.co_name), harness.current_test)
        except Exception:
            pass
        return original_close(self)

    @functools.wraps(original_wait)
    async def wait_closed(self):
        _half_closed.pop(id(self), None)
        _waited.add(id(self))
        return await original_wait(self)

    asyncio.StreamWriter.close = close
    asyncio.StreamWriter.wait_closed = wait_closed


def _report_half_closed():
    for key, (ref, site, test) in list(_half_closed.items()):
        del _half_closed[key]
        if test in harness.stopped_tests or test != harness.current_test:
            continue
        harness.report(
            "unclosed-resource", site,
            f"`{_callee(site)}()` at {harness.place(site)} starts closing the stream, but nothing awaits "
            f"`wait_closed()` on it: the code goes on before the connection is closed, and an error "
            f"while closing is never seen",
            f"StreamWriter.close() called at {harness.place(site)}; wait_closed() was never called on "
            f"this writer before the test ended.\n    {_source(site)}", test=test)
    _waited.clear()


def _callee(site):
    from .. import astindex
    return astindex.call_text(site[0], site[1], "close") or "writer.close"


def _source(site):
    from .. import astindex
    return astindex.source_line(site[0], site[1])


def on_warning(message: str, source, test) -> bool:
    """A ResourceWarning: report it at the line that made (or half-closed) the object."""
    if not message.startswith("unclosed"):
        return False
    what = message.split(" <", 1)[0]
    site, reason, key = None, None, None
    if source is not None:
        key = _owner.get(id(source), id(source))
        if key in _closing:
            site = _closing[key]
            reason = "close() was called here, but the loop never finished closing it"
        else:
            site = site_of(source)
            server = getattr(source, "_server", None)
            handler = _stream_handler(source)
            if site is None and handler is not None:
                site, reason = handler, f"a connection served by handler `{handler[2]}` was never closed"
            elif site is None and server is not None:
                site = site_of(server)
                reason = "a connection accepted by the server started here was never closed"
    if site is None:
        return False
    noun = {"unclosed transport": "a connection (transport)",
            "unclosed event loop": "an event loop"}.get(what, "a socket")
    if reason is None:
        text = f"{noun} opened at {harness.place(site)} was never closed"
    elif site is not None and key in _closing:
        text = (f"`close()` at {harness.place(site)} started closing {noun}, but nothing awaited "
                f"`wait_closed()`, so the loop never finished closing it")
    else:
        text = f"{reason} ({harness.place(site)})"
    harness.report("unclosed-resource", site, text, f"ResourceWarning: {message}",
                   test=harness.attribute([site]))
    return True


def _stream_handler(transport):
    protocol = getattr(transport, "_protocol", None)
    callback = getattr(protocol, "_client_connected_cb", None)
    code = getattr(callback, "__code__", None)
    if code is None or not harness.ws.kind(code.co_filename):
        return None
    from .. import astindex
    return (code.co_filename, astindex.def_line(code.co_filename, code), code.co_name)


def install_warning_tap():
    """See every ResourceWarning the moment it is shown, while its object is still alive.

    pytest records warnings per test and hands them on only after the test ends; by then the
    transport is gone. Both the Python and the C warning paths call `warnings._showwarnmsg`,
    looked up by name each time, so the tap goes there.
    """
    import warnings
    original = warnings._showwarnmsg

    def _showwarnmsg(msg):
        try:
            if issubclass(msg.category, ResourceWarning):
                site_test = harness.current_test
                on_warning(str(msg.message), msg.source, site_test)
        except Exception:
            pass
        return original(msg)

    warnings._showwarnmsg = _showwarnmsg
