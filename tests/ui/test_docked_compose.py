"""Compose docked at the deck's side, like TweetDeck: one at a time, switchable to its own
window and back without losing what was typed; "n" opens it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.store import Store
from app.ui.compose_dialog import ComposeDialog
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(
        store=store, services=None, settings=Settings(store), bridge=MessageBridge()
    )
    qtbot.addWidget(window)
    window.show()
    return window


def composes(window: MainWindow) -> list[ComposeDialog]:
    return [d for d in window.findChildren(ComposeDialog) if d.isVisible()]


def test_docked_compose_moves_to_a_window_and_back_keeping_the_text(
    demo_store: Store, qtbot: QtBot
) -> None:
    Settings(demo_store).set("compose_docked", "yes")
    window = open_window(qtbot, demo_store)
    [new_post] = [a for a in window.findChildren(QAction) if QKeySequence("N") in a.shortcuts()]
    assert QKeySequence("Ctrl+N") in new_post.shortcuts()  # "n" alone too, as in TweetDeck
    new_post.trigger()
    [docked] = composes(window)
    assert docked.is_docked()
    assert window.compose_dock.isVisible()
    assert window.compose_dock.widget() is docked
    docked.editor.setPlainText("Pengumuman jadwal bimtek penyedia")

    docked.place_button.click()  # to its own window
    qtbot.waitUntil(lambda: len(composes(window)) == 1 and not composes(window)[0].is_docked())
    [floating] = composes(window)
    assert floating.isWindow()
    assert floating.editor.toPlainText() == "Pengumuman jadwal bimtek penyedia"
    assert Settings(demo_store).get("compose_docked") == "no"

    floating.place_button.click()  # and back to the side
    qtbot.waitUntil(lambda: len(composes(window)) == 1 and composes(window)[0].is_docked())
    assert composes(window)[0].editor.toPlainText() == "Pengumuman jadwal bimtek penyedia"


def test_a_new_docked_compose_replaces_the_previous_one_whose_draft_is_kept(
    demo_store: Store, qtbot: QtBot
) -> None:
    Settings(demo_store).set("compose_docked", "yes")
    window = open_window(qtbot, demo_store)
    window.new_post()
    [first] = composes(window)
    first.editor.setPlainText("Draf pertama")
    entry = window.deck.columns()[0].controller.model.entry(0)
    assert entry is not None
    window.reply_to(entry)
    qtbot.waitUntil(lambda: bool(composes(window)) and composes(window)[0] is not first)
    assert len(composes(window)) == 1
    assert any(d.text == "Draf pertama" for d in demo_store.drafts())
    composes(window)[0].reject()
    qtbot.waitUntil(lambda: not window.compose_dock.isVisible())
