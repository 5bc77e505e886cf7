"""Cold start: from process start to the deck painted, 8 columns of 2,000 cached posts each,
over a bare PySide6 window of the same size started and painted the same way.

The cache is prepared first, outside the timing (tests/bench/ui_data.py: the deck's
statuses in GoToSocial's JSON, parsed by the real parser, stored a page at a time). Then a
child process runs the app's own start-up, `app.main.main()` (tests/bench/ui_driver.py:
only a probe on the window it builds, and providers that reach no network), and reports
the moment the last of the eight columns' lists had its first paint; the time counts from
just before the parent started the process, so it includes the interpreter and every
import. The baseline child imports PySide6, shows a QMainWindow and reports its first
paint. Best of 3 each, alternating.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app import paths
from tests.bench import ui_data
from tests.bench.harness import Goal, Result
from tests.bench.ui_driver import spawn

PER_COLUMN = 2000
REPEATS = 3
TARGET = 1.5


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pantau-bench-startup-") as home:
        filed = ui_data.build_cache(
            Path(home) / "data" / "default" / paths.DATABASE_NAME, PER_COLUMN
        )
        assert filed == PER_COLUMN * len(ui_data.COLUMNS)
        bare: list[dict[str, float]] = []
        pantau: list[dict[str, float]] = []
        for _ in range(REPEATS):
            bare.append(spawn("paint", "bare", home))
            pantau.append(spawn("paint", "pantau", home))
    base = min(b["painted"] - b["spawned"] for b in bare)
    best = min(pantau, key=lambda p: p["painted"] - p["spawned"])
    value = best["painted"] - best["spawned"]
    phases = (
        f"interpreter and imports {best['imported'] - best['spawned']:.2f} s, "
        f"store, settings and providers {best['window'] - best['imported']:.2f} s, "
        f"MainWindow built {best['built'] - best['window']:.2f} s, "
        f"show to the eight lists painted {best['painted'] - best['built']:.2f} s"
    )
    return [
        Result(
            name="startup",
            measure=(
                f"cold start to the deck painted ({len(ui_data.COLUMNS)} columns x "
                f"{PER_COLUMN:,} cached posts) over a bare PySide6 window, best of {REPEATS}"
            ),
            figure=value / base,
            unit="x",
            goal=Goal.AT_MOST,
            target=TARGET,
            value=round(value, 3),
            baseline=round(base, 3),
            value_unit="s",
            note=(
                f"{phases}; the bare window paints {base:.2f} s after its start. The "
                "imports dominate: the main window with its dialogs (triage, reach, report "
                "charts), qasync, httpx, keyring and sqlite-utils before the window exists; "
                "the first paint lays out 40 rows a column, a QTextDocument each. Importing "
                "the dialogs when first used would cut a little more; "
                f"{TARGET:g}x ({base * TARGET:.2f} s) leaves less than asyncio, qasync and "
                "sqlite-utils take to import."
            ),
        )
    ]
