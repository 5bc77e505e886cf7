"""Saved replies in the window: /keyword + Tab inserts one filled in, the menu does too,
and the manage dialog edits, refuses duplicates, and shares the set as a file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import saved_replies as sr
from app.model import EntryKind
from app.store import Store
from app.ui.compose_dialog import ComposeDialog, ReplyTarget
from app.ui.saved_replies_dialog import SavedRepliesDialog, ensure_defaults


def reply_dialog(qtbot: QtBot, store: Store) -> ComposeDialog:
    entry = next(
        e
        for e in store.feed_entries(store_feed_keys(store), before=None, limit=50)
        if e.kind is EntryKind.POST
    )
    account = next(a for a in store.accounts() if a.id == entry.post.account_id)
    dialog = ComposeDialog(store=store, sender=None, accounts=[account], reply=ReplyTarget(entry))
    qtbot.addWidget(dialog)
    return dialog


def store_feed_keys(store: Store) -> list[str]:
    return [str(r[0]) for r in store.db.conn.execute("SELECT DISTINCT feed_key FROM feed_items")]


def test_keyword_and_tab_insert_the_reply_with_the_citizens_name(
    qtbot: QtBot, demo_store: Store
) -> None:
    ensure_defaults(demo_store)
    dialog = reply_dialog(qtbot, demo_store)
    author = dialog.placeholder_values()["nama"]
    dialog.editor.setPlainText("")
    qtbot.keyClicks(dialog.editor, "/sandi")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab)
    text = dialog.editor.toPlainText()
    assert text.startswith(f"Halo {author}, untuk mengatur ulang kata sandi SPSE")
    assert "/sandi" not in text
    # The one placeholder Pantau cannot know is selected, ready to type over.
    assert dialog.editor.textCursor().selectedText() == "{telepon}"
    qtbot.keyClicks(dialog.editor, "(024) 3547091")
    assert "di (024) 3547091." in dialog.editor.toPlainText()


def test_an_unknown_keyword_says_so_and_keeps_the_text(qtbot: QtBot, demo_store: Store) -> None:
    dialog = reply_dialog(qtbot, demo_store)
    dialog.editor.setPlainText("")
    qtbot.keyClicks(dialog.editor, "Halo /tidakada")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab)
    assert dialog.editor.toPlainText() == "Halo /tidakada"
    assert "/tidakada" in dialog.problem.text()


def test_the_menu_lists_the_defaults_and_inserts_at_the_cursor(
    qtbot: QtBot, demo_store: Store
) -> None:
    dialog = reply_dialog(qtbot, demo_store)
    dialog.editor.setPlainText("Salam, ")
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    dialog._fill_saved_menu()
    titles = [a.text() for a in dialog.saved_menu.actions()]
    assert "/helpdesk — Jam layanan dan kontak helpdesk" in titles
    [helpdesk] = [a for a in dialog.saved_menu.actions() if a.text().startswith("/helpdesk")]
    helpdesk.trigger()
    assert dialog.editor.toPlainText().startswith("Salam, Halo ")


def test_manage_add_refuse_duplicate_export_and_import(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    dialog = SavedRepliesDialog(demo_store)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(sr.DEFAULTS)  # a new desk starts with the LPSE set
    dialog.new_reply()
    dialog.keyword_edit.setText("/Jadwal")
    dialog.title_edit.setText("Jadwal lelang")
    dialog.body_edit.setPlainText("Halo {nama}, jadwal lelang ada di {tautan}.")
    assert dialog.save_current()
    assert any(r.keyword == "jadwal" for r in demo_store.saved_replies())
    dialog.new_reply()
    dialog.keyword_edit.setText("JADWAL")
    dialog.body_edit.setPlainText("lain")
    assert not dialog.save_current()
    assert "/jadwal" in dialog.problem.text()

    exported = tmp_path / "balasan.json"
    assert dialog.export_to(exported)
    shared = json.loads(exported.read_text(encoding="utf-8"))
    assert len(shared["replies"]) == len(sr.DEFAULTS) + 1
    for reply in demo_store.saved_replies():
        assert reply.id is not None
        demo_store.delete_saved_reply(reply.id)
    assert dialog.import_from(exported) == len(sr.DEFAULTS) + 1
    assert len(demo_store.saved_replies()) == len(sr.DEFAULTS) + 1

    broken = tmp_path / "rusak.json"
    broken.write_text("{ bukan json", encoding="utf-8")
    assert dialog.import_from(broken) == 0
    assert "not JSON" in dialog.problem.text()
    assert len(demo_store.saved_replies()) == len(sr.DEFAULTS) + 1  # nothing half-imported
