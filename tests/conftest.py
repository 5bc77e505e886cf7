"""Autouse guards for every test: temporary profile, no stray keyring, no unexpected warnings."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

# The real local Bluesky network (session-scoped, started on first use): tests/bluesky_network.py
from tests.bluesky_network import bluesky_network  # noqa: F401

# Loggers whose warnings are ours to explain; library noise is not judged here.
_WATCHED = ("pantau", "app", "columns")


@pytest.fixture(scope="session", autouse=True)
def main_thread_gc() -> Iterator[None]:
    """As in the app (app/ui/gc_guard.py): no automatic collection, which could free a Qt
    object on a worker thread and leave its timers to crash a later test."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def pantau_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every folder of app.paths lives under a per-test directory, never the real profile."""
    home = tmp_path / "pantau-home"
    monkeypatch.setenv("PANTAU_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def keyring_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Only tests marked `keyring` reach a real keyring, and only in ./scripts/test.sh's session."""
    if request.node.get_closest_marker("keyring") is not None:
        if os.environ.get("PANTAU_KEYRING_TESTS") != "1":
            pytest.fail(
                "This test needs the throwaway Secret Service that ./scripts/test.sh starts "
                "(it sets PANTAU_KEYRING_TESTS=1). Run ./scripts/test.sh instead of pytest.",
                pytrace=False,
            )
        yield
        return
    # Anything else that reaches for a secret meets the fail backend, which raises: a test can
    # never read or write the developer's own keyring by accident.
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in _WATCHED:
            self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """A WARNING or ERROR from our loggers fails the test unless it is marked `log_warnings`."""
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    if collector.records and request.node.get_closest_marker("log_warnings") is None:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in collector.records)
        pytest.fail(
            f"Unexpected log warnings (mark the test @pytest.mark.log_warnings if intended):\n"
            f"{lines}",
            pytrace=False,
        )
