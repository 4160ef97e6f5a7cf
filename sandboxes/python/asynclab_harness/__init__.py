"""asynclab's in-sandbox analyzer.

`python3 -m asynclab_harness` runs the lab's pytest suite in-process with the plugin in
`plugin.py`, which watches the event loop, the coroutines and the tasks while the tests run,
and prints the report described in docs/harness-contract.md.

Layout: `plugin.py` holds the pytest hooks, `report.py` shapes the JSON, `diagnostics.py` keeps
one diagnostic per bug, `detectors/` has one module per bug class, `static/` reads the source.
"""
