"""The bug shapes real code takes (issue 15), each with its corpus cases (textbook, disguised, set
in news.py or tcpcheck.py) and the correct look-alikes that must stay clean. The bench prints one
row per shape, so a shape that stops being found at its line shows by name."""

SHAPES = [
    ("sync-mock-awaited behind a broad handler / gather / retry",
     ["sync-mock-awaited/broad-except-hides-it", "sync-mock-awaited/gather-return-exceptions",
      "sync-mock-awaited/tcpcheck-health-retry"],
     ["clean/mock-returns-awaitable"]),
    ("writer.close() without wait_closed()",
     ["unclosed-resource/close-without-wait-closed", "unclosed-resource/handler-close-no-wait",
      "unclosed-resource/writer-close-without-wait"],
     ["clean/stream-closed-properly", "clean/closed-on-every-path"]),
    ("stream left open on an early return / raise",
     ["unclosed-resource/early-return-leaves-open", "unclosed-resource/raise-before-close",
      "unclosed-resource/connection-left-open"],
     ["clean/closed-on-every-path"]),
    ("async test on a plain unittest.TestCase",
     ["silent-pass/unittest-async-method", "silent-pass/unittest-base-class",
      "silent-pass/tcpcheck-unittest"],
     ["clean/isolated-asyncio-testcase"]),
    ("un-awaited sleep that makes a loop spin",
     ["never-awaited/sleep-dropped-spins", "never-awaited/poll-until-deadline",
      "never-awaited/tcpcheck-monitor-spins"],
     ["clean/polling-loop-awaits"]),
    ("AsyncMock run as a loop callback / from a thread",
     ["asyncmock-not-awaited/call-soon-callback", "asyncmock-not-awaited/threadsafe-from-worker",
      "asyncmock-not-awaited/tcpcheck-call-later", "asyncmock-not-awaited/threadsafe-wrong-loop"],
     ["clean/asyncmock-from-thread-awaited"]),
    ("failed task kept referenced, exception never read",
     ["task-exception-unretrieved/kept-in-module-set", "task-exception-unretrieved/kept-on-singleton",
      "task-exception-unretrieved/tcpcheck-class-list"],
     ["clean/kept-task-exception-read"]),
    ("teardown that cancels and waits (no cancellation-swallowed)",
     ["cancellation-swallowed/cancel-children-then-carry-on"],
     ["clean/fixture-cancels-workers", "clean/test-cancels-leftover-tasks", "clean/news-service-stop"]),
]


def print_shapes(expected, reports):
    """expected/reports: case name -> expected.json / report. Exact = code, file and line."""
    print(f"{'shape (issue 15)':60} {'expected':>8} {'exact':>6} {'extra':>6} {'look-alikes clean':>18}")
    for shape, cases, look_alikes in SHAPES:
        want = got = extra = 0
        for name in cases:
            places = {(d["code"], d["file"], d["line"]) for d in expected[name]["diagnostics"]}
            found = {(d["code"], d["location"]["file"], d["location"]["line"])
                     for d in reports[name]["diagnostics"]}
            want += len(places)
            got += len(places & found)
            extra += len(reports[name]["diagnostics"]) - len(places & found)
        clean = sum(not reports[n]["diagnostics"] for n in look_alikes)
        print(f"{shape:60} {want:8} {got:6} {extra:6} {f'{clean}/{len(look_alikes)}':>18}")
    print()
