"""The trusted half of the sandbox (docs/trust-model.md).

Runs as root, PID 1 of the container, and never imports or runs learner code: it starts pytest
and the learner's code in a child process under uid 10001, holds the report channel, judges the
lab's hidden checks from what the child observed, and alone writes the report the worker reads.
Standard library only.
"""
