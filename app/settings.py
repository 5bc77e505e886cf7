"""Every user setting declared once: name, type, default, allowed values; kept in the store."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    default: str
    choices: tuple[str, ...] = ()
    description: str = ""


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option(
            "language",
            "system",
            ("system", "id", "en"),
            "Interface language; 'system' follows the computer (Indonesian when it is).",
        ),
        Option(
            "refresh_minutes",
            "5",
            ("1", "2", "5", "10", "15", "30"),
            "How often columns fetch new posts when the network offers no stream.",
        ),
        Option(
            "compose_docked",
            "no",
            ("no", "yes"),
            "Write posts in a panel at the side of the deck instead of a separate window.",
        ),
        Option(
            "timezone",
            "Asia/Jakarta",
            ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "system"),
            "The office's time zone, in which scheduled times are picked and shown.",
        ),
        Option(
            "missed_posts",
            "ask",
            ("ask", "send", "hold"),
            "Posts of Pantau's own schedule whose time passed while it was closed: ask, "
            "send them at once, or hold them in the Scheduled column.",
        ),
        Option(
            "assign_days",
            "3",
            tuple(str(n) for n in range(1, 11)),
            "Working days a citizen report may wait before it is forwarded to an agency "
            "(SP4N-LAPOR!: 3).",
        ),
        Option(
            "answer_days",
            "5",
            tuple(str(n) for n in range(1, 21)),
            "Working days the agency has to follow a forwarded report up (SP4N-LAPOR!: 5).",
        ),
        Option(
            "operator",
            "",
            (),
            "The name written in a case's history for changes made on this PC; empty: the "
            "computer's user name.",
        ),
    )
}


class Settings:
    """Typed access to the declared options; an invalid stored value falls back to the
    default (and is logged) so a bad file never stops the app."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._listeners: list[Callable[[str], None]] = []

    def get(self, name: str) -> str:
        option = OPTIONS[name]
        value = self._store.setting(f"option.{name}")
        if value is None:
            return option.default
        if option.choices and value not in option.choices:
            log.warning("setting %s has invalid value %r; using %r", name, value, option.default)
            return option.default
        return value

    def set(self, name: str, value: str) -> None:
        option = OPTIONS[name]
        if option.choices and value not in option.choices:
            raise ValueError(f"{name} must be one of {option.choices}")
        if value != self.get(name):
            self._store.set_setting(f"option.{name}", value)
            for listener in self._listeners:
                listener(name)

    def on_changed(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)
