"""Benchmarks (issue 13): run with ./scripts/bench.sh, not part of the test command."""
