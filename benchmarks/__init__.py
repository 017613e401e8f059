"""Build benchmarks: `python -m benchmarks.build` (see benchmarks/build.py)."""
