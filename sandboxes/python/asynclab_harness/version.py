"""The harness version: the sandbox image tag and the report's `harness` field use it."""

HARNESS_VERSION = "1.4.3"
