"""UI stall: the longest lateness of a 5 ms QTimer on the qasync loop while 8 columns
ingest 5,000 posts each from the fake Mastodon server (tests/bench/ui_stall.py: the real
window, sync engine, provider, store and column models, in a child process)."""

from __future__ import annotations

import tempfile

from tests.bench.harness import Goal, Result
from tests.bench.ui_driver import spawn

PER_COLUMN = 5000
TARGET_MS = 50.0


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pantau-bench-stall-") as home:
        found = spawn("stall", "pantau", home, str(PER_COLUMN), timeout=400)
    if not found["complete"]:
        raise RuntimeError(f"the ingest did not finish: {found}")
    stalls = "; ".join(
        f"{ms} ms: " + ", ".join(f"{where} ({n})" for where, n in parts[:3])
        for ms, parts in found["worst"]
    )
    busiest = ", ".join(f"{where} ({n})" for where, n in found["stalled_in"][:4])
    return [
        Result(
            name="ui_stall",
            measure=(
                f"longest lateness of a 5 ms QTimer while 8 columns ingest {PER_COLUMN:,} "
                "posts each (backfill and refresh from the fake server)"
            ),
            figure=round(found["max_late_ms"], 1),
            unit="ms",
            goal=Goal.AT_MOST,
            target=TARGET_MS,
            note=(
                f"p99 {found['p99_late_ms']:.0f} ms, {found['over_50ms']} of "
                f"{found['ticks']} ticks over 50 ms; {found['stored']:,} posts in "
                f"{found['seconds']:.0f} s ({found['requests']} requests). UI thread samples "
                f"while late: {busiest}. Longest stalls: {stalls}. Answers are decoded and "
                "parsed, and pages stored, on the UI thread, one piece per turn of the loop "
                "(app/turns.py); what is left is a turn with a piece and the columns' "
                "merges: new rows measured (a QTextDocument each) and painted."
            ),
        )
    ]
