"""The main-thread collector: automatic collection off, due generations collected on a timer."""

from __future__ import annotations

import gc
import sys

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


def test_a_full_collection_waits_until_the_heap_grew_by_a_quarter(qapp: QApplication) -> None:
    collector = MainThreadCollector()
    collector.start()

    def full_due() -> None:  # as many middle collections as make the oldest one due
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)

    try:
        full_due()
        assert collector.collect_due() == 2  # the first one: nothing to compare with yet
        full_due()
        assert collector.collect_due() != 2  # the heap has not grown: a full walk waits
        grown = [[n] for n in range(sys.getallocatedblocks())]  # twice the blocks
        full_due()
        assert collector.collect_due() == 2
        del grown
    finally:
        collector.stop()
        gc.disable()
