"""Memory: the resident set of the app with 8 columns of 5,000 cached posts each, every
column scrolled from top to bottom (all rows fetched from the cache and painted).

The cache is prepared first (tests/bench/ui_data.py). A child process runs the app's own
start-up, `app.main.main()` (tests/bench/ui_driver.py), and once the deck is painted
scrolls the columns together a screenful at a time, each step painted, until every model
holds all its rows; then it collects garbage and reads VmRSS from /proc/self/status. The
baseline is a bare PySide6 window of the same size, shown and painted.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app import paths
from app.ui.post_delegate import LAYOUT_CACHE
from tests.bench import ui_data
from tests.bench.harness import Goal, Result
from tests.bench.ui_driver import spawn

PER_COLUMN = 5000
TARGET_MB = 250.0


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pantau-bench-memory-") as home:
        filed = ui_data.build_cache(
            Path(home) / "data" / "default" / paths.DATABASE_NAME, PER_COLUMN
        )
        assert filed == PER_COLUMN * len(ui_data.COLUMNS)
        bare = spawn("memory", "bare", home)
        pantau = spawn("memory", "pantau", home, timeout=600)
    rows = sum(pantau["rows"])
    assert rows == filed, pantau["rows"]
    rss = pantau["rss_mb"]
    return [
        Result(
            name="memory",
            measure=(
                f"RSS with {len(ui_data.COLUMNS)} columns x {PER_COLUMN:,} posts, each "
                "scrolled end to end (all rows fetched and painted)"
            ),
            figure=round(rss, 1),
            unit="MB",
            goal=Goal.AT_MOST,
            target=TARGET_MB,
            value=round(rss, 1),
            baseline=round(bare["rss_mb"], 1),
            value_unit="MB",
            note=(
                f"bare window {bare['rss_mb']:.0f} MB; the app at its first paint "
                f"{pantau['painted_rss_mb']:.0f} MB (Qt, Python and the app's imports, 40 "
                f"rows a column); the {rows:,} rows add {rss - pantau['painted_rss_mb']:.0f} "
                f"MB (peak {pantau['peak_mb']:.0f} MB): each row's HTML and text (4 bytes a "
                "character once a post has an emoji), its Entry and Post, a cached height "
                f"per row and {LAYOUT_CACHE} text layouts per column; scrolled through in "
                f"{pantau['scrolled'] - pantau['painted']:.0f} s"
            ),
        )
    ]
