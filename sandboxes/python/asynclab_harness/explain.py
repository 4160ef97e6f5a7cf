"""What each code means, told the way the book tells it.

The book explains the machinery before the keywords: a loop that runs the next ready job from
its ready queue; coroutines, functions that can pause at an `await` and resume later; tasks, the
loop's handles on coroutines it drives. Explanations follow the same order: what the loop, the
task and the coroutine did, then which keyword that was. Chapters are from
shared/spec/book-outline.md; `timeout` has no chapter in the taxonomy, so it carries none.
"""

CODES = {
    "never-awaited": {
        "chapter": 11,
        "severity": "error",
        "explanation": (
            "Calling an `async def` function does not run it: it builds a coroutine object, a paused "
            "function waiting for someone to drive it. Only `await` (or a task from `create_task`/"
            "`gather`) hands it to the event loop. This coroutine was built and then dropped, so its "
            "body never ran; Python only noticed when the object was thrown away, which is why the "
            "warning, if you saw one, appeared far from the line that made it."
        ),
        "hint": (
            "Put `await` in front of the call on this line, or start it with "
            "`asyncio.create_task(...)` and keep the task if it should run alongside (Chapter 11)."
        ),
    },
    "silent-pass": {
        "chapter": 12,
        "severity": "error",
        "explanation": (
            "The test looked green, but its checks never ran. A coroutine object is always truthy, so "
            "`assert some_coroutine()` passes without running it; an `async def` test that "
            "pytest-asyncio did not take (strict mode wants `@pytest.mark.asyncio`) is handed to plain "
            "pytest, which cannot drive a coroutine and skips it; and assertions inside a coroutine or "
            "a task that nobody awaits run too late or never, after the test already reported."
        ),
        "hint": (
            "Mark async tests with `@pytest.mark.asyncio`, `await` the coroutine before asserting on "
            "its result, and await every task whose assertions matter (Chapter 12)."
        ),
    },
    "asyncmock-not-awaited": {
        "chapter": 12,
        "severity": "error",
        "explanation": (
            "Calling an `AsyncMock` works like calling an `async def`: it returns a coroutine, and the "
            "mock only records an await when the loop runs that coroutine. `assert_called*` counts "
            "calls, so it stays green even when the code forgot the `await` and the coroutine was "
            "dropped; `assert_awaited*` checks what the code really did."
        ),
        "hint": (
            "Await the mock's result in the code under test, and check it with `assert_awaited_once_with(...)` "
            "rather than `assert_called_once_with(...)` (Chapter 12)."
        ),
    },
    "sync-mock-awaited": {
        "chapter": 12,
        "severity": "error",
        "explanation": (
            "The code under test awaits the result of this call, so the real thing is a coroutine "
            "function. A plain `Mock`/`MagicMock` returns another mock instead of a coroutine, and "
            "`await` can only pause on something awaitable, so the task stopped with a TypeError."
        ),
        "hint": (
            "Use `AsyncMock` (or `MagicMock(spec=RealClass)`, which makes async methods AsyncMocks) for "
            "anything the code awaits (Chapter 12)."
        ),
    },
    "deadlock": {
        "chapter": 11,
        "severity": "error",
        "explanation": (
            "The event loop ran out of work: its ready queue was empty, no timer was due, no socket "
            "was being watched and no worker thread could hand it a result, yet tasks were still "
            "waiting. Each of them is paused at an `await` on something only another paused task could "
            "provide, so nothing would ever resume them and the program would hang forever. The harness "
            "stopped the test the moment the loop stalled."
        ),
        "hint": (
            "Look at the line each stuck task waits on: a lock acquired again by the task that holds "
            "it, a `Queue.join()` with no consumer calling `task_done()`, an `Event` nobody sets, two "
            "tasks awaiting each other. Make sure something that still runs will release it (Chapter 11)."
        ),
    },
    "blocking-call": {
        "chapter": 11,
        "severity": "error",
        "explanation": (
            "The event loop runs one step of one task at a time and only moves on when that step "
            "reaches an `await`. This step did not reach one for a long time: a synchronous call held "
            "the loop, so every other task, timer and socket waited behind it."
        ),
        "hint": (
            "Use the async version (`await asyncio.sleep(...)`, an async client), or move the blocking "
            "work off the loop with `await asyncio.to_thread(...)` / `loop.run_in_executor(...)` "
            "(Chapters 11 and 13)."
        ),
    },
    "task-exception-unretrieved": {
        "chapter": 11,
        "severity": "error",
        "explanation": (
            "A task is the loop's handle on a coroutine it drives. When the coroutine raises, the task "
            "keeps the exception until someone awaits the task or asks for its result. Nobody did: the "
            "task was started and forgotten, so the error went nowhere and Python could only log it "
            "when the task was garbage-collected."
        ),
        "hint": (
            "Keep the task and `await` it (or use `asyncio.gather`/`TaskGroup`), so its exception "
            "reaches code that can handle it (Chapter 11)."
        ),
    },
    "task-destroyed-pending": {
        "chapter": 11,
        "severity": "error",
        "explanation": (
            "The loop keeps only a weak reference to a task. This task was still pending when its last "
            "strong reference went away (or its loop closed), so it was garbage-collected in the middle "
            "of its work and the rest of its coroutine never ran."
        ),
        "hint": (
            "Keep a reference to every task you create and await it before the test or the program "
            "ends, or let a `TaskGroup` own it (Chapter 11)."
        ),
    },
    "cancellation-swallowed": {
        "chapter": 10,
        "severity": "error",
        "explanation": (
            "`task.cancel()`, `asyncio.timeout()` and a `TaskGroup` shutting down all work the same way: "
            "the loop throws `CancelledError` into the task at the `await` where it is paused, and the "
            "task is expected to let it propagate. Here an `except` caught it and carried on, so the "
            "task kept running and whoever cancelled it waited for a stop that never came."
        ),
        "hint": (
            "Re-raise the cancellation: `except asyncio.CancelledError: <clean up>; raise`. Avoid bare "
            "`except:` and `except BaseException:` around awaits (Chapters 10 and 13)."
        ),
    },
    "wrong-loop": {
        "chapter": 12,
        "severity": "error",
        "explanation": (
            "Futures, tasks, locks and queues belong to the event loop they were first used on. Each "
            "pytest-asyncio test, and each `asyncio.run()`, gets a fresh loop, so an object kept from "
            "one loop cannot be awaited on another, a closed loop cannot schedule anything, and "
            "`asyncio.run()` cannot start a second loop inside one that is already running."
        ),
        "hint": (
            "Create loop-bound objects inside the coroutine or fixture that uses them (not at module "
            "level or in a wider-scoped fixture), and `await` coroutines instead of calling "
            "`asyncio.run()` from async code (Chapter 12)."
        ),
    },
    "unclosed-resource": {
        "chapter": 11,
        "severity": "warning",
        "explanation": (
            "A socket, transport or server was still open when it was garbage-collected. Closing a "
            "stream is two steps for the loop: `writer.close()` asks, and the loop finishes the close "
            "on a later turn, which `await writer.wait_closed()` waits for. When the test ends first, "
            "the connection is left behind."
        ),
        "hint": (
            "Close what you open: `writer.close()` followed by `await writer.wait_closed()`, and "
            "`server.close(); await server.wait_closed()` (or `async with server:`) (Chapter 11)."
        ),
    },
    "timeout": {
        "chapter": None,
        "severity": "error",
        "explanation": (
            "The test ran past its time limit while the event loop was still busy, so the harness "
            "stopped it to keep the other tests' results. A loop that keeps running a step without "
            "reaching an `await`, or tasks that keep waking each other without finishing, never let "
            "the test end."
        ),
        "hint": (
            "Look at the line the test was running when it was stopped: a loop that never exits, a "
            "retry that never gives up, or work far slower than the test expects."
        ),
    },
}

ALL_CODES = tuple(CODES)


def chapter(code: str):
    return CODES[code]["chapter"]


def severity(code: str) -> str:
    return CODES[code]["severity"]


def explanation(code: str) -> str:
    return CODES[code]["explanation"]


def hint(code: str) -> str:
    return CODES[code]["hint"]
