"""Fixtures for widget tests: a demo store on a real SQLite file and a qasync loop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from app import demo
from app.settings import Settings
from app.store import Store
from app.ui.messages import MessageBridge

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def collect_garbage() -> Iterator[None]:
    """Each widget test's garbage is freed here, on the main thread (see tests/conftest.py)."""
    yield
    gc.collect()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty cache on a real file. Ask for it before qtbot: it then closes after the
    windows, which write their layout on close."""
    opened = Store.open(tmp_path / "pantau.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "demo.sqlite")
    demo.populate(store, now=NOW)
    yield store
    store.close()


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on the test's QApplication, as the app runs."""
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    # Cancel what the test left running (pollers, streams, sign-in flows) and let it
    # finish: a qasync timer that fires after its loop is gone crashes the interpreter.
    pending = [t for t in asyncio.all_tasks(event_loop) if not t.done()]
    for task in pending:
        task.cancel()
    event_loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    event_loop.run_until_complete(asyncio.sleep(0))
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def bridge() -> MessageBridge:
    return MessageBridge()


@pytest.fixture
def settings(demo_store: Store) -> Settings:
    return Settings(demo_store)
