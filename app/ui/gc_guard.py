"""Garbage collection only on the main thread, from a timer.

Python's cyclic collector runs in whichever thread happens to allocate, and keyring calls
and file writes run in worker threads. A Qt object freed there dies on the wrong thread:
its timers stay registered and the next timer event crashes the app. qutebrowser solves
this the same way (its misc/utilcmds garbage-collector timer).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Turns automatic collection off and runs the generations that are due, every second,
    on the thread that owns the widgets.

    A full collection walks every object, which with a deck of thousands of cached posts
    stops the UI for hundreds of milliseconds. CPython's own collector runs one only once
    the heap grew by a quarter since the last (`long_lived_pending` > total / 4; an
    explicit gc.collect(2) skips that rule), so this does the same, with the allocated
    blocks as the measure of the heap; until then the middle generation is collected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._heap_after_full = 0

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is exceeded; returns it or -1."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] <= thresholds[generation]:
                continue
            if generation == 2 and sys.getallocatedblocks() < self._heap_after_full * 5 / 4:
                continue  # not grown enough for a full collection: the middle one is due
            gc.collect(generation)
            if generation == 2:
                self._heap_after_full = sys.getallocatedblocks()
            return generation
        return -1
