"""The row painter: heights follow the text, buttons and links are hit-tested, only web
links are clickable."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.model import Entry
from app.ui.post_delegate import LAYOUT_CACHE, PostDelegate
from app.ui.post_model import PostModel
from tests.factories import make_post


def _option(view: QListView, width: int = 360) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 400)
    return option


def _entry(html: str, text: str = "x", url: str = "https://sosmed.example/@a/1") -> Entry:
    post = replace(make_post(text=text, url=url), html=html)
    return Entry(sort_key=1, entry_id=1, post=post)


def _hit(delegate: PostDelegate, entry: Entry, option: QStyleOptionViewItem, word: str) -> str:
    """What a click on `word` of the row's text hits, scanning the text line."""
    geometry, doc = delegate._geometry(entry, option.rect.width(), option.font)
    cursor = doc.find(word)
    assert not cursor.isNull()
    rect = doc.documentLayout().blockBoundingRect(cursor.block())
    for x in range(0, int(rect.width()), 3):
        point = geometry.text_origin + QPoint(x, int(rect.top() + rect.height() / 2))
        target = delegate.target_at(entry, option, point)
        if target:
            return target
    return ""


@pytest.fixture
def view(qtbot: QtBot) -> QListView:
    widget = QListView()
    qtbot.addWidget(widget)
    return widget


def test_longer_text_makes_a_taller_row(view: QListView) -> None:
    delegate = PostDelegate(view)
    option = _option(view)
    short = _entry("<p>Lampu PJU mati.</p>")
    long = _entry(
        "<p>" + "Jalan berlubang di Jl. Kaligawe, mohon segera diperbaiki. " * 12 + "</p>"
    )
    assert delegate._geometry(long, 360, option.font)[0].height > (
        delegate._geometry(short, 360, option.font)[0].height
    )


def test_web_links_are_clickable_and_others_are_not(view: QListView) -> None:
    delegate = PostDelegate(view)
    option = _option(view)
    safe = _entry('<p><a href="https://lpse.example/eproc4">eproc</a></p>')
    assert _hit(delegate, safe, option, "eproc") == "https://lpse.example/eproc4"
    hostile = _entry('<p><a href="javascript:alert(1)">klik</a></p>')
    assert _hit(delegate, hostile, option, "klik") == ""


def test_action_buttons_are_hit_tested(view: QListView) -> None:
    delegate = PostDelegate(view)
    option = _option(view)
    entry = _entry("<p>Halo</p>")
    geometry, _ = delegate._geometry(entry, 360, option.font)
    names = [name for name, _ in geometry.actions]
    assert names == ["reply", "open"]
    for name, rect in geometry.actions:
        assert delegate.target_at(entry, option, rect.center()) == name
    no_url = _entry("<p>Halo</p>", url="javascript:alert(1)")
    assert [n for n, _ in delegate._geometry(no_url, 360, option.font)[0].actions] == ["reply"]


def test_paint_draws_something(view: QListView) -> None:
    delegate = PostDelegate(view)
    entry = _entry("<p>Air PDAM tidak mengalir di Pati</p>")
    model = PostModel(load=lambda before, limit: [entry] if before is None else [])
    model.fetchMore()
    option = _option(view)
    image = QImage(360, 200, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0))
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 360, 4) for y in range(0, 200, 4)}
    assert len(colours) > 5


def test_heights_of_known_rows_are_not_measured_again(
    view: QListView, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A layout asks the height of every row: past the layouts' cache, a column of
    # thousands of rows must not rebuild a text layout per row at each page fetched.
    rows = [
        Entry(sort_key=500 - i, entry_id=i + 1, post=make_post(remote_id=str(i), text=f"#{i}"))
        for i in range(LAYOUT_CACHE * 3)
    ]
    model = PostModel(load=lambda before, limit: [] if before else rows)
    model.fetchMore()
    delegate = PostDelegate(view)
    option = _option(view)
    first = [delegate.sizeHint(option, model.index(r)).height() for r in range(len(rows))]
    built: list[int] = []
    real = delegate._document

    def counted(*args: Any) -> QTextDocument:
        built.append(1)
        return real(*args)

    monkeypatch.setattr(delegate, "_document", counted)
    again = [delegate.sizeHint(option, model.index(r)).height() for r in range(len(rows))]
    assert again == first
    assert built == []
    changed = replace(rows[5], post=replace(rows[5].post, html="<p>" + "panjang " * 80 + "</p>"))
    rows[5] = changed
    model.resync()  # the row was edited: its height is measured again
    assert delegate.sizeHint(option, model.index(5)).height() > first[5]
    assert built == [1]
