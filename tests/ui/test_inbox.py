"""The triage inbox in the real window: rows with deadlines, keyboard steps, bulk assign,
the case window (status, note kept while typed, history) and a reply that answers."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.model import CaseAction, CaseStatus, Entry
from app.outbox import OutboxSender
from app.settings import Settings
from app.store import Store
from app.ui import triage_desk
from app.ui.case_dialog import NOTE_DRAFT, CaseDialog
from app.ui.column_view import ColumnView
from app.ui.compose_dialog import ComposeDialog
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from tests.fakes import FakeProvider, FakeProviders


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    settings = Settings(store)
    settings.set("operator", "Ani")
    window = MainWindow(store=store, services=None, settings=settings, bridge=MessageBridge())
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _inbox(window: MainWindow) -> ColumnView:
    return next(v for v in window.deck.columns() if v.controller.spec.kind == "inbox")


def _entries(view: ColumnView) -> list[Entry]:
    model = view.controller.model
    return [e for e in (model.entry(r) for r in range(model.rowCount())) if e is not None]


def test_inbox_rows_are_cases_with_deadlines_and_an_overdue_count(
    qtbot: QtBot, demo_store: Store
) -> None:
    view = _inbox(_window(qtbot, demo_store))
    entries = _entries(view)
    assert entries
    assert all(e.case is not None and e.case.status.is_open for e in entries)
    assert all(e.due is not None for e in entries)
    assert view.alert.isVisible()
    assert "overdue" in view.alert.text()


def test_keys_assign_the_selected_cases_in_bulk(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, demo_store)
    view = _inbox(window)
    new = [e for e in _entries(view) if e.case and e.case.status is CaseStatus.NEW][:2]
    assert len(new) == 2
    selection = view.list.selectionModel()
    for entry in new:
        row = view.controller.model.row_of(entry.entry_id)
        selection.select(view.controller.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def pick(picker: triage_desk.AgencyPicker) -> QDialog.DialogCode:
        qtbot.keyClicks(picker.filter, "bina marga")  # type-ahead on the name
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(triage_desk.AgencyPicker, "exec", pick)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_A)

    for entry in new:
        assert entry.case is not None
        case = demo_store.case(entry.case.id)
        assert case is not None
        assert (case.agency_code, case.status) == ("DPUBM", CaseStatus.ASSIGNED)
        history = demo_store.case_history(case.id)
        assert (history[-1].actor, history[-2].action) == ("Ani", CaseAction.AGENCY)


def test_case_window_changes_status_and_keeps_a_note_being_typed(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = _window(qtbot, demo_store)
    view = _inbox(window)
    entry = _entries(view)[0]
    assert entry.case is not None
    dialog = window.triage.open_case(entry.case.id)
    assert isinstance(dialog, CaseDialog)
    dialog.note_edit.setPlainText("Sudah dicek ke lokasi oleh UPT")
    qtbot.waitUntil(
        lambda: (
            demo_store.setting(NOTE_DRAFT.format(entry.case.id))  # type: ignore[union-attr]
            == "Sudah dicek ke lokasi oleh UPT"
        )
    )
    dialog.deleteLater()  # gone as in a crash
    qtbot.waitUntil(lambda: entry.case is not None and entry.case.id not in window.triage._dialogs)

    again = window.triage.open_case(entry.case.id)
    assert again.note_edit.toPlainText() == "Sudah dicek ke lokasi oleh UPT"
    again.add_note()
    again.status_box.setCurrentIndex(again.status_box.findData(CaseStatus.NOT_COMPLAINT.value))
    history = demo_store.case_history(entry.case.id)
    assert [e.action for e in history][-2:] == [CaseAction.NOTE, CaseAction.STATUS]
    assert history[-2].new == "Sudah dicek ke lokasi oleh UPT"
    assert again.history.count() == len(history)
    assert demo_store.setting(NOTE_DRAFT.format(entry.case.id)) == ""
    # the inbox shows open cases only: the row leaves it
    qtbot.waitUntil(lambda: view.controller.model.row_of(entry.entry_id) < 0)


def test_a_reply_sent_to_a_case_answers_it_and_the_note_never_leaves(
    qtbot: QtBot, demo_store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    window = _window(qtbot, demo_store)
    entry = next(e for e in _entries(_inbox(window)) if e.case and e.case.status.is_open)
    case = entry.case
    assert case is not None
    secret = "RAHASIA: nomor HP pelapor 0812"
    demo_store.add_case_note(case.id, secret, actor="Ani", now=case.received_at)
    account = demo_store.account(case.account_id)
    assert account is not None
    fake = FakeProvider(account)
    sender = OutboxSender(store=demo_store, providers=FakeProviders({account.id: fake}))
    window._sender = sender  # the demo window has none
    window.reply_to_case(case)
    compose = next(iter(window.findChildren(ComposeDialog)))
    compose.editor.setPlainText("Terima kasih, sudah kami teruskan ke Bina Marga.")
    compose.send()
    qtbot.waitUntil(lambda: len(fake.published) == 1, timeout=3000)
    qtbot.waitUntil(lambda: demo_store.case(case.id).status is CaseStatus.ANSWERED)  # type: ignore[union-attr]
    draft = fake.published[0][0]
    assert draft.in_reply_to == case.remote_id
    assert "RAHASIA" not in repr(draft)
