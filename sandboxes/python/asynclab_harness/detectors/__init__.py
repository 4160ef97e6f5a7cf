"""One module per bug class; `loop.py` is the event loop they all observe through."""
