"""One bridge for background notices, queued until the main window listens."""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Level(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2


class MessageBridge(QObject):
    """Notices for the status area. Messages sent before anyone connects are kept and
    replayed by `flush()`, so start-up problems are not lost."""

    shown = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[Level, str]] = []
        self._connected = False

    def info(self, text: str) -> None:
        self._send(Level.INFO, text)

    def warning(self, text: str) -> None:
        self._send(Level.WARNING, text)

    def error(self, text: str) -> None:
        self._send(Level.ERROR, text)

    def flush(self) -> None:
        """Called once the window is connected: replay what arrived before."""
        self._connected = True
        pending, self._pending = self._pending, []
        for level, text in pending:
            self.shown.emit(int(level), text)

    def _send(self, level: Level, text: str) -> None:
        log.info("notice(%s): %s", level.name, text)
        if self._connected:
            self.shown.emit(int(level), text)
        else:
            self._pending.append((level, text))
