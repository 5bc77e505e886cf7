"""What the main window hands to the helpers it owns (compose, accounts, scheduled posts):
one context, so each helper is wired the same way."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from app.model import Account
from app.settings import Settings
from app.store import Store
from app.ui.messages import MessageBridge


@dataclass(frozen=True, slots=True)
class WindowContext:
    """The window (parent of a helper's dialogs), its store, settings and message bridge;
    `accounts` gives the window's current account list, `spawn` runs a coroutine as a task
    the window keeps and cancels when it closes."""

    window: QMainWindow
    store: Store
    settings: Settings
    bridge: MessageBridge
    accounts: Callable[[], list[Account]]
    spawn: Callable[[Coroutine[Any, Any, None]], None]


class WindowPart(QObject):
    """A helper the main window owns: a child of the window, holding the shared context."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self._window = context.window
        self._store = context.store
        self._settings = context.settings
        self._bridge = context.bridge
        self._accounts = context.accounts
        self._spawn = context.spawn
