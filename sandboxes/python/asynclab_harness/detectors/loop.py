"""The event loop the learner's code runs on, with the harness watching.

An event loop policy makes every loop created through asyncio (pytest-asyncio's `event_loop`
fixture, `asyncio.run()`, `asyncio.new_event_loop()`) a HarnessLoop: the normal selector loop
with three small additions, each forwarding to a detector:

- its selector notices when the loop is about to sleep with nothing that could wake it (deadlock);
- it creates TrackedTask (records cancel requests, for cancellation-swallowed);
- its exception handler sees every "Task exception was never retrieved" / "Task was destroyed"
  report before asyncio logs it.

Behaviour is otherwise unchanged: `get_task_factory()` is still None, debug mode is untouched.
"""

import asyncio
import selectors
import sys
import time
import weakref

from ..context import harness
from . import cancellation, deadlock, loop_errors, mocks, resources

# While other threads (or sockets) could still wake the loop, re-check this often.
POLL_SEC = 0.025
# A verdict needs the loop to look stuck twice with a real wait between: the wait releases the
# GIL, so an executor worker that has just taken a job (or just handed back its result) but still
# looks parked in its queue gets to move. Without it a correct `to_thread` was judged a deadlock.
STALL_CONFIRM_SEC = 0.02


class WatchedSelector(selectors.DefaultSelector):
    loop_ref = None

    def select(self, timeout=None):
        if timeout is not None:
            return super().select(timeout)
        loop = self.loop_ref() if self.loop_ref else None
        if loop is None or loop._thread_id != harness.main_thread:
            return super().select(None)
        idle_since = time.perf_counter()
        while True:
            ready = super().select(0)
            if ready or loop._ready:
                return ready
            if not deadlock.wakers(loop, self):
                ready = super().select(STALL_CONFIRM_SEC)
                if ready or loop._ready:
                    return ready
                if not deadlock.wakers(loop, self):
                    deadlock.stalled(loop, idle_since)  # raises
            ready = super().select(POLL_SEC)
            if ready or loop._ready:
                return ready


class HarnessLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = WatchedSelector()
        super().__init__(selector)
        selector.loop_ref = weakref.ref(self)
        resources.remember(self)

    def create_task(self, coro, *, name=None, context=None):
        if self._task_factory is not None:
            return super().create_task(coro, name=name, context=context)
        self._check_closed()
        task = cancellation.TrackedTask(coro, loop=self, name=name, context=context)
        if task._source_traceback:
            del task._source_traceback[-1]
        # The line that made the task (create_task, gather, TaskGroup.create_task): where a
        # lost task or its lost exception is reported.
        task._asynclab_site = _learner_caller(sys._getframe(1))
        task._asynclab_test = harness.current_test
        return task

    # A callback that is an AsyncMock: the loop calls it like a plain function and drops the
    # coroutine it returns (mocks.scheduled_callback reports the learner line that scheduled it).
    def call_soon(self, callback, *args, context=None):
        if mocks.async_mock_type is not None and isinstance(callback, mocks.async_mock_type):
            mocks.scheduled_callback(callback, "call_soon")
        return super().call_soon(callback, *args, context=context)

    def call_soon_threadsafe(self, callback, *args, context=None):
        if mocks.async_mock_type is not None and isinstance(callback, mocks.async_mock_type):
            mocks.scheduled_callback(callback, "call_soon_threadsafe")
        return super().call_soon_threadsafe(callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        if mocks.async_mock_type is not None and isinstance(callback, mocks.async_mock_type):
            mocks.scheduled_callback(callback, "call_later")
        return super().call_later(delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if mocks.async_mock_type is not None and isinstance(callback, mocks.async_mock_type):
            mocks.scheduled_callback(callback, "call_at")
        return super().call_at(when, callback, *args, context=context)

    def call_exception_handler(self, context):
        try:
            if loop_errors.on_context(self, context):
                return
        except Exception:
            pass
        super().call_exception_handler(context)

    def _make_socket_transport(self, *args, **kwargs):
        transport = super()._make_socket_transport(*args, **kwargs)
        resources.remember(transport)
        if args:
            resources.link(args[0], transport)
        return transport

    async def create_server(self, *args, **kwargs):
        server = await super().create_server(*args, **kwargs)
        resources.remember(server)
        return server


class HarnessPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = HarnessLoop


def install() -> None:
    asyncio.set_event_loop_policy(HarnessPolicy())


def is_select_frame(frame) -> bool:
    return frame is not None and frame.f_code is WatchedSelector.select.__code__


def running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _learner_caller(frame, limit=12):
    kind = harness.ws.kind
    while frame is not None and limit:
        code = frame.f_code
        if code.co_name == "_run_once":
            return None  # made inside a loop callback (a server's handler task): no learner line
        if kind(code.co_filename):
            return (code.co_filename, frame.f_lineno, code.co_name)
        frame = frame.f_back
        limit -= 1
    return None
