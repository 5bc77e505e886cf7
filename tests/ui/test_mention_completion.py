"""Typing "@" and the start of a handle suggests people Pantau has seen on that network."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.model import Network
from app.store import Store
from app.ui.compose_dialog import ComposeDialog


def test_people_seen_on_the_network_are_suggested_and_completed(
    qtbot: QtBot, demo_store: Store
) -> None:
    bluesky = next(a for a in demo_store.accounts() if a.network is Network.BLUESKY)
    dialog = ComposeDialog(store=demo_store, sender=None, accounts=[bluesky])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("")
    qtbot.keyClicks(dialog.editor, "Mohon tindak lanjut @DIS")
    suggested = dialog._people.stringList()
    assert suggested
    assert all(s.lower().startswith("@dis") for s in suggested)
    assert dialog.suggestions.isVisible()
    choice = next(s for s in suggested if s.startswith("@dishub."))
    dialog.complete_mention(choice)
    assert dialog.editor.toPlainText() == "Mohon tindak lanjut @dishub.jatengprov.example "
    assert not dialog.suggestions.isVisible()


def test_no_suggestion_without_an_at_sign_or_from_another_network(
    qtbot: QtBot, demo_store: Store
) -> None:
    mastodon = next(a for a in demo_store.accounts() if a.network is Network.MASTODON)
    dialog = ComposeDialog(store=demo_store, sender=None, accounts=[mastodon])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("")
    qtbot.keyClicks(dialog.editor, "dishub @dishub")  # a Bluesky handle, not on Mastodon
    assert not dialog.suggestions.isVisible()
    qtbot.keyClicks(dialog.editor, " surel admin@lp")  # an email address is no mention
    assert not dialog.suggestions.isVisible()
