#!/usr/bin/env bash
# Run the benchmarks (issue 13) and write bench/results.json; arguments pick some by name
# (./scripts/bench.sh ingest search). Not part of ./scripts/test.sh: they take minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh test >/dev/null
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m tests.bench.run "$@"
