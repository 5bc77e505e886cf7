"""The Add column dialog: every kind and account listed, options validated in place."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.add_column_dialog import AddColumnDialog
from columns import kinds
from columns.hashtag import HashtagForm, parse_tags


def _select(dialog: AddColumnDialog, name: str) -> None:
    names = list(kinds())
    dialog.kind_list.setCurrentRow(names.index(name))


def test_lists_every_kind_and_account(qtbot: QtBot, demo_store: Store) -> None:
    accounts = demo_store.accounts()
    dialog = AddColumnDialog(accounts)
    qtbot.addWidget(dialog)
    assert dialog.kind_list.count() == len(kinds()) >= 6
    _select(dialog, "mentions")
    labels = [dialog.account_box.itemText(i) for i in range(dialog.account_box.count())]
    assert labels[0] == "All accounts"
    assert len(labels) == len(accounts) + 1
    _select(dialog, "hashtag")
    assert dialog.account_box.count() == len(accounts)  # a hashtag column reads one account


def test_hashtag_needs_a_tag_and_parses_what_was_typed(qtbot: QtBot, demo_store: Store) -> None:
    dialog = AddColumnDialog(demo_store.accounts())
    qtbot.addWidget(dialog)
    _select(dialog, "hashtag")
    dialog.accept()
    assert dialog.result() != AddColumnDialog.DialogCode.Accepted
    assert "#KemalaJateng" in dialog.problem.text()
    form = dialog.findChild(HashtagForm)
    assert form is not None
    form.tags_edit.setText("#KemalaJateng, laporgub #kemalajateng")
    dialog.accept()
    spec = dialog.spec()
    assert spec is not None
    assert spec.kind == "hashtag"
    assert spec.option_list("tags") == ("KemalaJateng", "laporgub")
    assert spec.account_id == demo_store.accounts()[0].id


def test_no_account_yet_says_what_to_do(qtbot: QtBot) -> None:
    dialog = AddColumnDialog([])
    qtbot.addWidget(dialog)
    _select(dialog, "home")
    dialog.accept()
    assert "Add an account first" in dialog.problem.text()


def test_editing_keeps_kind_and_options(qtbot: QtBot, demo_store: Store) -> None:
    state = next(s for s in demo_store.columns() if s.spec.kind == "search")
    dialog = AddColumnDialog(demo_store.accounts(), current=state.spec)
    qtbot.addWidget(dialog)
    assert not dialog.kind_list.isEnabled()
    spec = dialog.spec()
    assert spec is not None
    assert spec.options == state.spec.options
    assert spec.account_id == state.spec.account_id


def test_parse_tags_drops_junk() -> None:
    assert parse_tags("#a,  #B;#a  #_ # ##c") == ("a", "B", "c")
