"""A bug reaches the crash handler: full details in the log, plain words for the user."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.main import CrashHandler


@pytest.mark.log_warnings
def test_crash_is_logged_and_shown_without_a_traceback(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[tuple[str, str]] = []

    def fake_critical(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    handler = CrashHandler(tmp_path / "pantau.log")
    try:
        raise KeyError("status.account")  # a stand-in bug
    except KeyError:
        kind, value, tb = sys.exc_info()
        assert kind is not None
        assert value is not None
        with caplog.at_level(logging.CRITICAL, logger="pantau"):
            handler(kind, value, tb)
    assert len(shown) == 1
    _, text = shown[0]
    assert "Traceback" not in text
    assert "KeyError" not in text
    assert str(tmp_path / "pantau.log") in text
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
