"""The main-thread collector: automatic collection off, due generations collected on a timer."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from app.ui.gc_guard import MainThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle only the cyclic collector frees


def test_collects_due_generations_only_when_asked(qapp: QApplication) -> None:
    collector = MainThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        gc.collect()
        assert collector.collect_due() == -1  # nothing due right after a collection
        threshold = gc.get_threshold()[0]
        garbage = [Node() for _ in range(threshold + 50)]
        del garbage
        assert gc.get_count()[0] > threshold  # automatic collection did not run
        assert collector.collect_due() >= 0
        assert gc.get_count()[0] < threshold
    finally:
        collector.stop()
        gc.disable()  # the test session keeps automatic collection off (tests/conftest.py)
