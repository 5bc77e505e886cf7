"""Scheduled times are picked and shown in the office's zone (WIB by default), whatever
time zone the PC's clock is set to (these tests run on UTC)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from app.model import Network
from app.store import Store
from app.ui.compose_dialog import ComposeDialog
from app.ui.timefmt import absolute_time, set_office_zone


@pytest.fixture(autouse=True)
def system_zone_afterwards() -> Iterator[None]:
    yield
    set_office_zone("system")


def test_times_show_in_wib_wita_or_wit() -> None:
    when = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)
    set_office_zone("Asia/Jakarta")
    assert absolute_time(when).endswith("21.30 WIB") or absolute_time(when).endswith("21:30 WIB")
    set_office_zone("Asia/Jayapura")
    assert "23" in absolute_time(when).split()[-2]
    assert absolute_time(when).endswith("WIT")
    set_office_zone("system")
    assert not absolute_time(when).endswith(("WIB", "WITA", "WIT"))


def test_a_time_picked_in_wib_is_that_moment_in_utc(qtbot: QtBot, demo_store: Store) -> None:
    set_office_zone("Asia/Jakarta")
    mastodon = next(a for a in demo_store.accounts() if a.network is Network.MASTODON)
    dialog = ComposeDialog(store=demo_store, sender=None, accounts=[mastodon])
    qtbot.addWidget(dialog)
    dialog.schedule_box.setChecked(True)
    assert "WIB" in dialog.schedule_time.displayFormat()
    picked = dialog.schedule_time.dateTime()
    picked.setDate(QDate(2026, 12, 1))
    picked.setTime(QTime(22, 0))
    dialog.schedule_time.setDateTime(picked)
    assert dialog.scheduled_at() == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
