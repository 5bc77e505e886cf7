"""The child processes of the UI benchmarks; each prints one JSON line on stdout.

    python -m tests.bench.ui_driver paint bare|pantau
    python -m tests.bench.ui_driver memory bare|pantau
    python -m tests.bench.ui_driver stall pantau [posts per column]

`pantau` runs the app's own start-up, `app.main.main()` with the benchmark deck's window
size, on the profile under PANTAU_HOME (prepared by the parent); the only changes are a
probe on the window `app.main` builds and providers that never reach a network. `bare` is
a PySide6 main window of the same size, started and painted the same way. Times are
`time.monotonic()` (CLOCK_MONOTONIC, the same clock in parent and child), so the parent
measures from the moment it spawned the process.

`stall` wires the window as app.main does, but with providers on the fake server
(tests.bench.ui_data.DeckServer) and an empty deck that then ingests every column's posts.

Only the standard library is imported at the top: the imports are part of what is timed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

SIZE = (2900, 900)  # tests.bench.ui_data.WINDOW_SIZE, not imported: it would import the app


def spawn(mode: str, who: str, home: str, *args: str, timeout: float = 300) -> dict[str, Any]:
    """Run this module as a child on the profile under `home`; its figures, with "spawned"
    (the parent's monotonic time just before the start) added. For the parent."""
    import subprocess

    env = {
        **os.environ,
        "PANTAU_HOME": home,
        "QT_QPA_PLATFORM": "offscreen",
        # No keyring, no network: the app's secrets and servers are never touched.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    command = [sys.executable, "-m", "tests.bench.ui_driver", mode, who, *args]
    spawned = time.monotonic()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(command[1:])} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(lines[-1])
    figures["spawned"] = spawned
    return figures


def report(**figures: object) -> None:
    """Print the result and end the process at once: tearing down Qt, the store and the
    loop is not part of any figure."""
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()
    os._exit(0)


def rss_mb() -> tuple[float, float]:
    """(resident set now, its peak) of this process in MB, from /proc/self/status."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


def paint_probe(widgets: list[Any], done: Callable[[], None]) -> Any:
    """Calls `done` once every widget has had its first paint event handled."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.waiting = set(range(len(widgets)))
            for widget in widgets:
                widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.waiting:
                self.waiting.discard(next(i for i, w in enumerate(widgets) if w is watched))
                if not self.waiting:
                    # after the paint being delivered now, and the flush of the backing store
                    QTimer.singleShot(0, done)
            return False

    return Probe()


def bare(mode: str) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Pantau")
    central = QWidget(window)
    window.setCentralWidget(central)
    window.statusBar().addWidget(QLabel("bare", window))
    window.resize(*SIZE)
    marks: dict[str, float] = {}

    def painted() -> None:
        marks["painted"] = time.monotonic()
        if mode == "paint":
            report(**marks)
        app.processEvents()
        rss, peak = rss_mb()
        report(**marks, rss_mb=rss, peak_mb=peak)

    probe = paint_probe([central], painted)
    window.show()
    app.exec()
    del probe


def pantau(mode: str) -> None:
    marks: dict[str, float] = {}
    import httpx

    import app.main as entry
    from app.sync import AccountProviders
    from app.ui.main_window import MainWindow

    marks["imported"] = time.monotonic()

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("benchmark: no network", request=request)

    def providers() -> AccountProviders:
        return AccountProviders(
            client_factory=lambda: httpx.AsyncClient(transport=httpx.MockTransport(offline))
        )

    probes: list[object] = []

    def window(**kwargs: Any) -> MainWindow:
        marks["window"] = time.monotonic()
        built = MainWindow(**kwargs)
        marks["built"] = time.monotonic()
        lists = [view.list.viewport() for view in built.deck.columns()]
        probes.append(paint_probe(lists, lambda: painted(built)))
        return built

    def painted(built: MainWindow) -> None:
        marks["painted"] = time.monotonic()
        if mode == "paint":
            report(**marks, columns=len(built.deck.columns()))
        import asyncio

        probes.append(asyncio.ensure_future(scroll_through(built, marks)))

    vars(entry).update(MainWindow=window, AccountProviders=providers)  # what main() calls
    entry.main(["--size", f"{SIZE[0]}x{SIZE[1]}"])
    raise SystemExit("the app ended before its window was painted")


async def scroll_through(window: Any, marks: dict[str, float]) -> None:
    """Scroll the columns from top to bottom together, a screenful at a time, each step
    painted, until every model has fetched every cached row; then measure."""
    import asyncio
    import gc

    marks["painted_rss_mb"] = rss_mb()[0]
    views = window.deck.columns()
    going = list(views)
    while going:
        for view in going:
            bar = view.list.verticalScrollBar()
            bar.setValue(bar.value() + view.list.viewport().height())
        await asyncio.sleep(0)  # the views fetch more at the end, lay out and paint
        going = [
            view for view in going
            if view.list.verticalScrollBar().value() < view.list.verticalScrollBar().maximum()
            or view.controller.model.canFetchMore()
        ]  # fmt: skip
    marks["scrolled"] = time.monotonic()
    gc.collect()
    await asyncio.sleep(0.2)
    rss, peak = rss_mb()
    rows = [view.controller.model.rowCount() for view in views]
    report(**marks, rows=rows, rss_mb=rss, peak_mb=peak)


def main(argv: list[str]) -> None:
    mode, who, *rest = argv
    if mode == "stall" and who == "pantau":
        from tests.bench.ui_stall import stall

        report(**stall(*(int(n) for n in rest)))
    if mode not in ("paint", "memory") or who not in ("bare", "pantau"):
        raise SystemExit(__doc__)
    bare(mode) if who == "bare" else pantau(mode)


if __name__ == "__main__":
    main(sys.argv[1:])
