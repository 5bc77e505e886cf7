"""Paints every column row (post, conversation, scheduled post) and hit-tests its buttons."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.model import Entry, EntryKind, ScheduleState
from app.sanitize import sanitize_html
from app.ui import casefmt
from app.ui.avatars import AvatarCache
from app.ui.icons import network_color, network_name
from app.ui.post_model import PostModel, Role
from app.ui.timefmt import absolute_time

PAD = 10
AVATAR = 38
GAP = 8
ACTION_H = 22
LAYOUT_CACHE = 64  # the rows on screen and a page fetched; sizeHint caches heights apart
HEIGHT_CACHE = 50_000
LINK_SCHEMES = ("http://", "https://")
ACCENT = QColor("#0F766E")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RowGeometry:
    """Where each part of a row sits, relative to the row's top-left corner."""

    text_origin: QPoint
    height: int
    actions: tuple[tuple[str, QRect], ...]


def _avatar_color(seed: str) -> QColor:
    hue = int(hashlib.blake2s(seed.encode(), digest_size=2).hexdigest(), 16) % 360
    return QColor.fromHsl(hue, 110, 120)


def _initials(name: str) -> str:
    words = [w for w in name.replace("@", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


class PostDelegate(QStyledItemDelegate):
    """One delegate for every column. Rows are painted, never built from widgets; the text
    layout of each (entry, width) is cached because building a QTextDocument is the
    expensive part of sizeHint and paint. Row heights are cached apart, for every row: the
    list asks sizeHint of all its rows at each layout (each page fetched), which with the
    layouts alone would rebuild a QTextDocument per row once a column outgrows their cache."""

    reply_requested = Signal(object)
    open_requested = Signal(str)
    action_requested = Signal(str, object)
    """Row buttons other than reply and open: ("change" | "send" | "cancel", entry)."""

    def __init__(
        self, parent: QWidget | None = None, *, avatars: AvatarCache | None = None
    ) -> None:
        super().__init__(parent)
        self._avatars = avatars
        self._docs: OrderedDict[tuple[int, str, int, int], QTextDocument] = OrderedDict()
        # (entry id, kind) -> (the entry, the width, its height); like the layouts, valid
        # for the font the delegate was first asked with, until clear_cache().
        self._heights: dict[tuple[int, EntryKind], tuple[Entry, int, int]] = {}

    # --- layout ---------------------------------------------------------------------------

    def _document(self, entry: Entry, width: int, font: QFont) -> QTextDocument:
        key = (entry.entry_id, entry.kind.value, hash(entry.post.html), width)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(
            f"a {{ color: {ACCENT.name()}; text-decoration: none; }} p {{ margin: 0; }}"
        )
        # Stored HTML was sanitised when parsed; cleaning again here (once per cached
        # layout) means nothing unsanitised reaches Qt even from an old or damaged cache.
        doc.setHtml(sanitize_html(entry.post.html))
        doc.setTextWidth(max(width, 40))
        self._docs[key] = doc
        if len(self._docs) > LAYOUT_CACHE:
            self._docs.popitem(last=False)
        return doc

    def _media_note(self, entry: Entry) -> str:
        media = entry.post.media
        if not media:
            return ""
        count = len(media)  # a plain variable: pyside6-lupdate skips calls with an expression
        note = QCoreApplication.translate("delegate", "Media (%n)", "", count)
        described = [m.description for m in media if m.description]
        if described:
            note += ": " + described[0]
        return note

    def _actions(self, entry: Entry) -> list[tuple[str, str]]:
        if entry.kind is EntryKind.CASE:
            return [
                ("assign", QCoreApplication.translate("delegate", "Assign…")),
                ("status", QCoreApplication.translate("delegate", "Status…")),
                ("note", QCoreApplication.translate("delegate", "Note…")),
                ("reply", QCoreApplication.translate("delegate", "Reply")),
            ]
        if entry.kind is EntryKind.SCHEDULED:
            scheduled = [("change", QCoreApplication.translate("delegate", "Change…"))]
            if not entry.post.remote_id:  # in Pantau's own queue: it can go out now
                scheduled.append(("send", QCoreApplication.translate("delegate", "Send now")))
            scheduled.append(("cancel", QCoreApplication.translate("delegate", "Cancel")))
            return scheduled
        actions = [("reply", QCoreApplication.translate("delegate", "Reply"))]
        if entry.post.url.startswith(LINK_SCHEMES):
            actions.append(("open", QCoreApplication.translate("delegate", "Open in browser")))
        return actions

    def _geometry(self, entry: Entry, width: int, font: QFont) -> tuple[RowGeometry, QTextDocument]:
        metrics = QFontMetrics(font)
        text_left = PAD + AVATAR + GAP
        text_width = width - text_left - PAD
        header_h = metrics.height() + 2
        top = PAD + header_h + (metrics.height() if entry.kind is not EntryKind.POST else 0)
        doc = self._document(entry, text_width, font)
        y = top + int(doc.size().height()) + 4
        if self._media_note(entry):
            y += metrics.height() + 2
        actions: list[tuple[str, QRect]] = []
        x = text_left
        for name, label in self._actions(entry):
            w = metrics.horizontalAdvance(label) + 12
            actions.append((name, QRect(x - 6, y, w, ACTION_H)))
            x += w + 6
        if actions:
            y += ACTION_H
        height = max(y, PAD + AVATAR) + PAD
        return RowGeometry(QPoint(text_left, top), height, tuple(actions)), doc

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The list asks this of every row at each layout, so the path for a known row is
        # kept lean: the row straight from a PostModel, one dictionary lookup.
        model = index.model()
        rows = model if isinstance(model, PostModel) else None
        entry = rows.entry(index.row()) if rows is not None else index.data(Role.ENTRY)
        if not isinstance(entry, Entry):
            return super().sizeHint(option, index)
        width = option.rect.width() or 360
        key = (entry.entry_id, entry.kind)
        known = self._heights.get(key)
        # The same row object, or an equal one read again: anything that changed (text,
        # media, state) makes an unequal Entry, whose height is measured again.
        if known is not None and known[1] == width and (known[0] is entry or known[0] == entry):
            return QSize(width, known[2])
        geometry, _ = self._geometry(entry, width, option.font)
        if len(self._heights) >= HEIGHT_CACHE:
            self._heights.clear()
        self._heights[key] = (entry, width, geometry.height)
        return QSize(width, geometry.height)

    # --- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(Role.ENTRY)
        if not isinstance(entry, Entry):
            super().paint(painter, option, index)
            return
        rect = option.rect
        palette = option.palette
        geometry, doc = self._geometry(entry, rect.width(), option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        local = QRect(0, 0, rect.width(), rect.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(local, palette.color(QPalette.ColorRole.AlternateBase))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(local, palette.color(QPalette.ColorRole.AlternateBase).lighter(103))
        if index.data(Role.UNREAD):
            painter.fillRect(QRect(0, 0, 3, local.height()), ACCENT)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(PAD, local.height() - 1, local.width() - PAD, local.height() - 1)

        self._paint_avatar(painter, entry)
        self._paint_header(painter, option, entry, str(index.data(Role.RELATIVE_TIME) or ""))

        painter.save()
        painter.translate(geometry.text_origin)
        doc.drawContents(painter)
        painter.restore()

        metrics = QFontMetrics(option.font)
        y = geometry.text_origin.y() + int(doc.size().height()) + 4
        note = self._media_note(entry)
        if note:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            note_rect = QRect(geometry.text_origin.x(), y, local.width() - y, metrics.height())
            elided = metrics.elidedText(
                "\N{FRAME WITH PICTURE} " + note,
                Qt.TextElideMode.ElideRight,
                local.width() - geometry.text_origin.x() - PAD,
            )
            painter.drawText(note_rect.adjusted(0, 0, 400, 0), Qt.AlignmentFlag.AlignLeft, elided)
        for (name, action_rect), (_, label) in zip(
            geometry.actions, self._actions(entry), strict=True
        ):
            painter.setPen(
                ACCENT
                if name in ("reply", "change", "assign")
                else palette.color(QPalette.ColorRole.Text)
            )
            painter.drawText(action_rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def _paint_avatar(self, painter: QPainter, entry: Entry) -> None:
        people = entry.participants or (entry.post.author,)
        person = people[0]
        circle = QRect(PAD, PAD, AVATAR, AVATAR)
        picture = self._avatars.pixmap(person.avatar_url, AVATAR) if self._avatars else None
        if picture is not None:
            painter.drawPixmap(circle.topLeft(), picture)
        else:  # initials until (or unless) the picture is in the cache
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_avatar_color(person.handle or person.display_name))
            painter.drawEllipse(circle)
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(
                circle,
                Qt.AlignmentFlag.AlignCenter,
                _initials(person.display_name or person.handle),
            )
        badge = QRect(PAD + AVATAR - 12, PAD + AVATAR - 12, 14, 14)
        painter.setPen(QColor("white"))
        painter.setBrush(network_color(entry.post.network))
        painter.drawEllipse(badge)

    def _paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, entry: Entry, age: str
    ) -> None:
        palette = option.palette
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        left = PAD + AVATAR + GAP
        right = option.rect.width() - PAD
        line = QRect(left, PAD, right - left, metrics.height())

        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        age_width = metrics.horizontalAdvance(age)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight, age)

        if entry.kind is EntryKind.CONVERSATION and entry.participants:
            name = ", ".join(p.display_name or p.handle for p in entry.participants)
        else:
            name = entry.post.author.display_name or entry.post.author.handle
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        room = line.width() - age_width - GAP
        shown = bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft, shown)
        used = bold_metrics.horizontalAdvance(shown) + 6
        # A conversation is named by who it is with, whoever wrote the last message.
        people = entry.participants if entry.kind is EntryKind.CONVERSATION else ()
        handle = people[0].handle if people else entry.post.author.handle
        if handle and room - used > 30:
            handle = handle if handle.startswith("@") else "@" + handle
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                line.adjusted(used, 0, -(age_width + GAP), 0),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(handle, Qt.TextElideMode.ElideRight, room - used),
            )
        sub, color = self._subtitle(entry)
        if sub:
            painter.setFont(font)
            painter.setPen(color)
            sub_line = line.translated(0, metrics.height() + 2)
            painter.drawText(
                sub_line,
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(sub, Qt.TextElideMode.ElideRight, sub_line.width()),
            )

    def _subtitle(self, entry: Entry) -> tuple[str, QColor]:
        """The line under the author's name and its colour (red when something is late)."""
        if entry.kind is EntryKind.CASE and entry.case is not None:
            return self._case_line(entry)
        if entry.kind is EntryKind.SCHEDULED and entry.scheduled_at is not None:
            if entry.state == ScheduleState.FAILED:
                return QCoreApplication.translate("delegate", "Failed to send"), casefmt.OVERDUE
            when = absolute_time(entry.scheduled_at)
            text = QCoreApplication.translate("delegate", "Scheduled for %1").replace("%1", when)
            return text, ACCENT
        if entry.kind is EntryKind.CONVERSATION:
            if entry.unread:
                text = QCoreApplication.translate("delegate", "New message · %1")
            else:
                text = QCoreApplication.translate("delegate", "Conversation · %1")
            return text.replace("%1", network_name(entry.post.network)), ACCENT
        return "", ACCENT

    def _case_line(self, entry: Entry) -> tuple[str, QColor]:
        case = entry.case
        assert case is not None
        parts = [casefmt.status_name(case.status)]
        color = casefmt.STATUS_COLORS[case.status]
        if case.agency_code:
            parts.append(case.agency_code)
        parts.extend(case.topics[:2])
        if entry.due is not None:
            text, warning = casefmt.due_text(entry.due, datetime.now(UTC))
            parts.append(text)
            color = warning or color
        return " · ".join(parts), color

    # --- interaction ----------------------------------------------------------------------

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        entry = index.data(Role.ENTRY)
        if not isinstance(entry, Entry):
            return False
        target = self.target_at(entry, option, event.position().toPoint())
        if target == "reply":
            self.reply_requested.emit(entry)
            return True
        if target == "open":
            self.open_requested.emit(entry.post.url)
            return True
        if target.startswith(LINK_SCHEMES):
            self.open_requested.emit(target)
            return True
        if target:
            self.action_requested.emit(target, entry)
            return True
        return False

    def target_at(self, entry: Entry, option: QStyleOptionViewItem, pos: QPoint) -> str:
        """What is under `pos` (view coordinates): an action name, a safe link, or ''."""
        local = pos - option.rect.topLeft()
        geometry, doc = self._geometry(entry, option.rect.width(), option.font)
        for name, rect in geometry.actions:
            if rect.contains(local):
                return name
        anchor = doc.documentLayout().anchorAt(local - geometry.text_origin)
        return anchor if anchor.startswith(LINK_SCHEMES) else ""

    def clear_cache(self) -> None:
        self._docs.clear()
        self._heights.clear()
