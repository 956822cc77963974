"""Performance benchmarks: ``python -m benchmarks`` (``--quick`` for a shorter run).

Not part of the test suite and not a dependency of the app: the figures, their targets
and how they are measured are described in ``benchmarks/README.md``. This package
imports nothing heavy at import time, so the child processes it starts stay cheap.
"""
