"""Writing a post, reply or direct message, now or scheduled; saved as typed, sent once."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import saved_replies
from app.model import (
    Account,
    Attachment,
    Draft,
    Entry,
    EntryKind,
    Network,
    OutboxAction,
    OutboxItem,
    SavedReply,
    ScheduledPost,
    Visibility,
)
from app.outbox import OutboxSender, payload
from app.providers.base import ProviderError
from app.store import Store
from app.text_length import DEFAULT_RULES, TextRules, counted_length
from app.ui.attachments import AttachmentList
from app.ui.cross_post import SideBySideEditors
from app.ui.errors import describe
from app.ui.icons import icon, network_name
from app.ui.saved_replies_dialog import ensure_defaults
from app.ui.timefmt import absolute_time, pick_in_office_zone

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 400
# Mastodon refuses a schedule under 5 minutes ahead; a minute of margin for the send. Pantau's
# own queue (Bluesky, X) takes any future time.
MIN_SCHEDULE_AHEAD = timedelta(minutes=6)


LANGUAGES = (
    ("Bahasa Indonesia", "id"),
    ("English", "en"),
    ("Basa Jawa", "jv"),
    ("Basa Sunda", "su"),
)


_MENTION_BEFORE_CURSOR = re.compile(r"(?:^|(?<=\s))@([\w.-]+(?:@[\w.-]*)?)$")
_COMPLETER_KEYS = (
    Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
)  # fmt: skip


def default_language() -> str:
    """The interface's language when it is one a post can carry, else Indonesian."""
    code = QLocale().name().split("_")[0]
    return code if code in {c for _, c in LANGUAGES} else "id"


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """What a reply answers: a post, or a direct-message conversation."""

    entry: Entry
    conversation_id: str = ""

    @property
    def remote_id(self) -> str:
        return self.entry.post.remote_id

    @property
    def is_direct(self) -> bool:
        return (
            self.entry.kind is EntryKind.CONVERSATION
            or self.entry.post.visibility is Visibility.DIRECT
        )


def _visibility_names() -> list[tuple[Visibility, str]]:
    return [
        (Visibility.PUBLIC, QCoreApplication.translate("compose", "Public")),
        (Visibility.UNLISTED, QCoreApplication.translate("compose", "Public, not in timelines")),
        (Visibility.PRIVATE, QCoreApplication.translate("compose", "Followers only")),
    ]


class ComposeDialog(QDialog):
    """Nothing typed is lost: the text is saved as a draft while typing, reopened for the
    same post (or the account's unsent new post), and kept when sending fails."""

    sent = Signal(object)
    placement_requested = Signal(bool)  # True: dock at the deck's side; False: own window

    def __init__(
        self,
        *,
        store: Store,
        sender: OutboxSender | None,
        accounts: Sequence[Account],
        reply: ReplyTarget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._sender = sender
        self._accounts = list(accounts)
        self._reply = reply
        self._items: dict[str, OutboxItem] = {}  # by account: what a retry sends again
        self._done: set[str] = set()  # accounts this post already went out from
        self._results: list[object] = []
        self._docked = False
        self._task: asyncio.Task[None] | None = None
        self._draft: Draft | None = None
        self._rules: dict[str, TextRules] = {}
        self._asking: set[str] = set()
        self._rules_task: asyncio.Future[None] | None = None
        self._over_text = ""
        self._uploaded: dict[tuple[str, Attachment], str] = {}
        self._restoring = False
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        if reply is not None:
            self.setWindowTitle(QCoreApplication.translate("compose", "Reply"))
            self._build_quote(layout, reply)
        else:
            self.setWindowTitle(QCoreApplication.translate("compose", "New post"))
        layout.addLayout(self._build_form(reply))
        self._build_editors(layout, reply)
        layout.addLayout(self._build_schedule_row())
        # Its own line: with several networks it names each with its count.
        layout.addWidget(self.counter)
        self._build_bottom(layout)
        self.set_docked(False)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        self._restore_draft()
        self.editor.textChanged.connect(self._changed)
        self.spoiler_edit.textChanged.connect(self._changed)
        self.attachments.changed.connect(self._changed)
        self.account_box.currentIndexChanged.connect(self._also_changed)
        self.schedule_box.toggled.connect(self._update)
        self._also_changed()
        if sender is None:
            self._say(
                QCoreApplication.translate(
                    "compose", "Demo: what you write is kept as a draft and never sent."
                ),
                error=False,
            )

    # --- placement --------------------------------------------------------------------------

    def set_docked(self, docked: bool) -> None:
        """Shown in the deck's side panel (a plain widget there) or as its own window."""
        self._docked = docked
        self.place_button.setText(
            QCoreApplication.translate("compose", "Open in its own window")
            if docked
            else QCoreApplication.translate("compose", "Dock at the side")
        )

    def is_docked(self) -> bool:
        return self._docked

    def _toggle_placement(self) -> None:
        self.save_draft()  # reopened in the other place, the draft comes back
        self.placement_requested.emit(not self._docked)

    # --- building ---------------------------------------------------------------------------

    def _build_editors(self, layout: QVBoxLayout, reply: ReplyTarget | None) -> None:
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("compose-text")
        self.editor.installEventFilter(self)
        self.editors = SideBySideEditors(self.editor, self)
        self.editors.changed.connect(self._changed)
        layout.addWidget(self.editors, 1)
        self._build_completer()
        self.attachments = AttachmentList(self)
        self.attachments.setVisible(reply is None or not reply.is_direct)  # no files in DMs
        layout.addWidget(self.attachments)

    @property
    def variants(self) -> dict[Network, QPlainTextEdit]:
        """The editor of each other network's own wording."""
        return self.editors.editors

    def _build_bottom(self, layout: QVBoxLayout) -> None:
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.place_button = QPushButton(self)
        self.place_button.setFlat(True)
        self.place_button.clicked.connect(self._toggle_placement)
        buttons.addButton(self.place_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.send_button = QPushButton(self)
        self.send_button.setDefault(True)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send)
        layout.addWidget(buttons)

    def _build_form(self, reply: ReplyTarget | None) -> QFormLayout:
        form = QFormLayout()
        self.account_box = QComboBox(self)
        for account in self._accounts:
            label = f"{account.label} ({network_name(account.network)})"
            self.account_box.addItem(icon(account.network.value), label, account.id)
        self.account_box.setEnabled(reply is None and len(self._accounts) > 1)
        from_row = QHBoxLayout()
        from_row.addWidget(self.account_box, 1)
        # A reply goes out from the column's account; another one only when asked for.
        self.change_account = QPushButton(
            QCoreApplication.translate("compose", "Change account…"), self
        )
        self.change_account.setFlat(True)
        self.change_account.setVisible(reply is not None and len(self._accounts) > 1)
        self.change_account.clicked.connect(self._unlock_account)
        from_row.addWidget(self.change_account)
        form.addRow(QCoreApplication.translate("compose", "From:"), from_row)
        # Cross-posting: a new post may also go out from other accounts (not a reply,
        # which belongs to the conversation it answers).
        self.also: dict[str, QCheckBox] = {}
        also_row = QHBoxLayout()
        for account in self._accounts if reply is None else ():
            box = QCheckBox(account.label, self)
            box.setIcon(icon(account.network.value))
            box.toggled.connect(self._also_toggled)
            self.also[account.id] = box
            also_row.addWidget(box)
        also_row.addStretch(1)
        self.also_label = QLabel(QCoreApplication.translate("compose", "Also post from:"), self)
        form.addRow(self.also_label, also_row)
        self.also_label.setVisible(len(self.also) > 1)
        self.visibility_box = QComboBox(self)
        for value, name in _visibility_names():
            self.visibility_box.addItem(name, value.value)
        if reply is not None and reply.is_direct:
            self.visibility_box.clear()
            self.visibility_box.addItem(
                QCoreApplication.translate("compose", "Direct message"), Visibility.DIRECT.value
            )
        elif reply is not None:
            self._select(self.visibility_box, reply.entry.post.visibility.value)
        form.addRow(QCoreApplication.translate("compose", "Who can see it:"), self.visibility_box)
        self.language_box = QComboBox(self)
        # Language names in their own language, so whoever writes finds theirs.
        for name, code in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.addItem(QCoreApplication.translate("compose", "Not set"), "")
        self._select(self.language_box, default_language())
        self.language_box.setToolTip(
            QCoreApplication.translate(
                "compose", "Sent with the post so readers' filters and translation work."
            )
        )
        form.addRow(QCoreApplication.translate("compose", "Language:"), self.language_box)
        self.spoiler_edit = QLineEdit(self)
        self.spoiler_edit.setPlaceholderText(
            QCoreApplication.translate("compose", "Optional, e.g. a sensitive complaint")
        )
        form.addRow(QCoreApplication.translate("compose", "Content warning:"), self.spoiler_edit)
        return form

    def _unlock_account(self) -> None:
        self.account_box.setEnabled(True)
        self.change_account.hide()
        self.account_box.setFocus()
        self.account_box.showPopup()

    def _build_quote(self, layout: QVBoxLayout, reply: ReplyTarget) -> None:
        """What is being answered: the cached posts above it (the thread so far), then the
        post itself. Network text is shown as plain text, never rendered as HTML."""
        post = reply.entry.post
        for earlier in self._store.posts_above(post):
            line = QLabel(self)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setWordWrap(True)
            text = " ".join(earlier.text.split())
            line.setText(f"{earlier.author.display_name}: {text[:160]}")
            line.setStyleSheet("color: palette(placeholder-text); font-size: small;")
            line.setObjectName("thread-above")
            layout.addWidget(line)
        author = post.author
        about = QLabel(
            QCoreApplication.translate("compose", "Replying to %1").replace(
                "%1", f"{author.display_name} @{author.handle.lstrip('@')}"
            ),
            self,
        )
        quoted = QLabel(self)
        quoted.setTextFormat(Qt.TextFormat.PlainText)  # network text never renders as HTML
        quoted.setWordWrap(True)
        quoted.setText(post.text[:400])
        quoted.setStyleSheet("color: palette(placeholder-text); padding-left: 8px;")
        layout.addWidget(about)
        layout.addWidget(quoted)

    def _build_schedule_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.schedule_box = QCheckBox(QCoreApplication.translate("compose", "Schedule for"), self)
        self.schedule_time = QDateTimeEdit(self)
        self.schedule_time.setCalendarPopup(True)
        start = int((datetime.now(UTC) + timedelta(hours=1)).timestamp()) // 60 * 60
        pick_in_office_zone(self.schedule_time, datetime.fromtimestamp(start, UTC))
        self.schedule_box.setVisible(self._reply is None)
        self.schedule_time.setVisible(self._reply is None)
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.saved_button = QPushButton(QCoreApplication.translate("compose", "Saved reply"), self)
        self.saved_button.setToolTip(
            QCoreApplication.translate("compose", "Or type /keyword and press Tab")
        )
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        row.addWidget(self.schedule_box)
        row.addWidget(self.schedule_time)
        row.addStretch(1)
        row.addWidget(self.saved_button)
        return row

    # --- mention completion -----------------------------------------------------------------

    def _build_completer(self) -> None:
        self.completer = QCompleter(self)
        self._people = QStringListModel(self)
        self.completer.setModel(self._people)
        self.completer.setWidget(self.editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self.complete_mention)
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup on first ask
        self.suggestions = popup
        self.editor.textChanged.connect(self._suggest_people)

    def _mention_typed(self) -> tuple[int, str] | None:
        cursor = self.editor.textCursor().position()
        match = _MENTION_BEFORE_CURSOR.search(self.editor.toPlainText()[:cursor])
        return (match.start(), match.group(1)) if match else None

    def _suggest_people(self) -> None:
        """People Pantau has seen on this network whose handle starts as typed after "@"."""
        typed = self._mention_typed()
        account = self.account()
        if typed is None or account is None:
            self.suggestions.hide()
            return
        people = self._store.people_starting(account.network, typed[1])
        if not people:
            self.suggestions.hide()
            return
        self._people.setStringList([f"@{p.handle} — {p.display_name}" for p in people])
        rect = self.editor.cursorRect()
        rect.setWidth(360)
        self.completer.complete(rect)

    def complete_mention(self, choice: str) -> None:
        typed = self._mention_typed()
        if typed is None:
            return
        handle = choice.split(" — ", 1)[0]
        cursor = self.editor.textCursor()
        cursor.setPosition(typed[0], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(handle + " ")
        self.editor.setTextCursor(cursor)
        self.suggestions.hide()

    # --- cross-posting ----------------------------------------------------------------------

    def targets(self) -> list[Account]:
        """The accounts this post goes out from: the "From" one first."""
        main = self.account()
        if main is None:
            return []
        others = [
            a for a in self._accounts
            if a.id != main.id and a.id in self.also and self.also[a.id].isChecked()
        ]  # fmt: skip
        return [main, *others]

    def _also_toggled(self) -> None:
        self._also_changed()
        self._changed()  # the draft keeps who else the post goes out from

    def _also_changed(self) -> None:
        main = self.account()
        for account_id, box in self.also.items():
            # The "From" account always posts; its own box is not offered.
            is_main = main is not None and account_id == main.id
            box.setVisible(len(self.also) > 1 and not is_main)
            if is_main and box.isChecked():
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
        self.editors.set_networks(
            main.network if main else None, {a.network for a in self.targets()[1:]}
        )
        self._update()

    def text_for(self, account: Account) -> str:
        """The account's network's own wording, if one was written, else the main text."""
        own = self.editors.text(account.network)
        return own if own.strip() else self.editor.toPlainText()

    # --- saved replies ----------------------------------------------------------------------

    def _fill_saved_menu(self) -> None:
        self.saved_menu.clear()
        ensure_defaults(self._store)
        replies = self._store.saved_replies()
        for reply in replies:
            action = self.saved_menu.addAction(f"/{reply.keyword} — {reply.title}")
            action.triggered.connect(lambda _=False, r=reply: self.insert_saved(r))
        if not replies:
            empty = self.saved_menu.addAction(
                QCoreApplication.translate("compose", "No saved replies yet")
            )
            empty.setEnabled(False)

    def placeholder_values(self) -> dict[str, str]:
        values = {"tanggal": QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)}
        if self._reply is not None:
            author = self._reply.entry.post.author
            values["nama"] = author.display_name or author.handle
            values["akun"] = "@" + author.handle.lstrip("@")
        return values

    def insert_saved(self, reply: SavedReply, replace_from: int | None = None) -> None:
        """Insert a saved reply at the cursor (over a typed /keyword when `replace_from` is
        where it starts), filled in; then select the first placeholder left to type over."""
        cursor = self.editor.textCursor()
        if replace_from is not None:
            cursor.setPosition(replace_from, QTextCursor.MoveMode.KeepAnchor)
        start = min(cursor.position(), cursor.anchor())
        cursor.insertText(saved_replies.fill(reply.body, self.placeholder_values()))
        text = self.editor.toPlainText()
        span = saved_replies.first_placeholder(text, start)
        if span is not None:
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab after "/keyword" inserts that saved reply. While people are suggested, the
        keys that choose one belong to the list."""
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.suggestions.isVisible()
            and event.key() in _COMPLETER_KEYS
        ):
            event.ignore()
            return True
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
        ):
            cursor = self.editor.textCursor()
            typed = saved_replies.keyword_before(self.editor.toPlainText(), cursor.position())
            if typed is not None:
                start, keyword = typed
                ensure_defaults(self._store)
                reply = next(
                    (r for r in self._store.saved_replies() if r.keyword.lower() == keyword), None
                )
                if reply is not None:
                    self.insert_saved(reply, replace_from=start)
                    return True
                self._say(
                    QCoreApplication.translate(
                        "compose", "No saved reply has the keyword /%1."
                    ).replace("%1", keyword)
                )
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        box.setCurrentIndex(max(0, box.findData(data)))

    # --- state ------------------------------------------------------------------------------

    def account(self) -> Account | None:
        account_id = self.account_box.currentData()
        return next((a for a in self._accounts if a.id == account_id), None)

    def _reply_key(self) -> str:
        return self._reply.remote_id if self._reply is not None else ""

    def _restore_draft(self) -> None:
        """The newest unsent draft for this reply (or new post) of an offered account."""
        offered = {a.id for a in self._accounts}
        for draft in reversed(self._store.drafts()):
            if draft.in_reply_to == self._reply_key() and draft.account_id in offered:
                self._select(self.account_box, draft.account_id)
                self._draft = draft
                self.editor.setPlainText(draft.text)
                self.spoiler_edit.setText(draft.spoiler)
                self._select(self.language_box, draft.language)
                self.attachments.set_attachments(draft.attachments)
                self._restore_cross_post(draft)
                return
        if self._reply is not None and self._reply.entry.kind is not EntryKind.CONVERSATION:
            self.editor.setPlainText(f"@{self._reply.entry.post.author.handle.lstrip('@')} ")

    def _restore_cross_post(self, draft: Draft) -> None:
        """Tick the accounts the post also went out from, then fill their networks'
        wording (their columns appear as the boxes are ticked)."""
        wording: dict[Network, str] = {}
        for network, text in draft.wording:
            try:
                wording[Network(network)] = text
            except ValueError:
                continue  # a network this version does not know
        self._restoring = True  # what comes back from the store is not a change to save
        try:
            for account_id in draft.also:
                box = self.also.get(account_id)
                if box is not None and account_id != draft.account_id:
                    box.setChecked(True)
            self.editors.restore(wording)
        finally:
            self._restoring = False

    def current_draft(self) -> Draft | None:
        account = self.account()
        if account is None:
            return None
        reply = self._reply
        return Draft(
            account_id=account.id,
            text=self.editor.toPlainText(),
            in_reply_to=self._reply_key(),
            visibility=Visibility(self.visibility_box.currentData()),
            spoiler=self.spoiler_edit.text().strip(),
            id=self._draft.id if self._draft is not None else None,
            conversation_id=reply.conversation_id if reply is not None else "",
            attachments=self.attachments.attachments(),
            language=str(self.language_box.currentData()),
            also=tuple(a.id for a in self.targets()[1:]),
            wording=self.editors.wording(),
        )

    def scheduled_at(self) -> datetime | None:
        if not self.schedule_box.isChecked():
            return None
        return datetime.fromtimestamp(self.schedule_time.dateTime().toSecsSinceEpoch(), UTC)

    def _changed(self) -> None:
        self._update()
        if not self._restoring:
            self._save_timer.start()

    def _update(self) -> None:
        account = self.account()
        spoiler = self.spoiler_edit.text()
        targets = self.targets()
        counts: list[tuple[Account, int, int]] = []
        for target in targets:
            rules = self._rules_for(target)
            used_here = counted_length(self.text_for(target) + spoiler, rules)
            counts.append((target, used_here, rules.limit))
            self.editors.show_count(target.network, used_here, rules.limit)
        worst = max(counts, key=lambda c: c[1] - c[2], default=None)
        used, limit = (worst[1], worst[2]) if worst else (0, self._rules_for(None).limit)
        # One Bluesky target makes the whole post public (Bluesky has no audiences).
        bluesky = any(t.network is Network.BLUESKY for t in targets)
        over = used > limit
        # Bluesky has no audiences: every post is public, so the choice is not offered.
        direct = self._reply is not None and self._reply.is_direct
        if bluesky and not direct:
            self._select(self.visibility_box, Visibility.PUBLIC.value)
        self.visibility_box.setEnabled(not bluesky and not direct)
        self.visibility_box.setToolTip(
            QCoreApplication.translate("compose", "Bluesky posts are always public.")
            if bluesky and not direct
            else ""
        )
        networks = {target.network for target, _, _ in counts}
        self.counter.setText(
            " · ".join(f"{network_name(t.network)} {n}/{m}" for t, n, m in counts)
            if len(networks) > 1
            else f"{used}/{limit}"
        )
        self.counter.setStyleSheet("color: #B42318;" if over else "")
        self.schedule_time.setEnabled(self.schedule_box.isChecked())
        self.send_button.setText(
            QCoreApplication.translate("compose", "Schedule")
            if self.schedule_box.isChecked()
            else QCoreApplication.translate("compose", "Send")
        )
        text = self.editor.toPlainText().strip()
        self.send_button.setEnabled(
            self._sender is not None and account is not None and bool(text) and not over
        )
        # A disabled button says why (the counter alone is easy to miss).
        self.send_button.setToolTip(
            QCoreApplication.translate(
                "compose", "Too long for this server: %1 characters, at most %2."
            )
            .replace("%1", str(used))
            .replace("%2", str(limit))
            if over
            else ""
        )
        if over:
            self._say(self.send_button.toolTip())
        elif self.problem.text() == self._over_text:
            self._say("")
        self._over_text = self.send_button.toolTip() if over else ""

    def _rules_for(self, account: Account | None) -> TextRules:
        """The server's own rules once asked (Mastodon's limit is per server), the
        network's defaults meanwhile."""
        if account is None:
            return DEFAULT_RULES[Network.MASTODON]
        known = self._rules.get(account.id)
        if known is not None:
            return known
        if self._sender is not None and account.id not in self._asking:
            self._asking.add(account.id)
            self._rules_task = asyncio.ensure_future(self._ask_rules(self._sender, account))
        return DEFAULT_RULES[account.network]

    async def _ask_rules(self, sender: OutboxSender, account: Account) -> None:
        self._rules[account.id] = await sender.text_rules(account)
        self._update()

    def _say(self, text: str, *, error: bool = True) -> None:
        self.problem.setStyleSheet("color: #B42318;" if error else "")
        self.problem.setText(text)

    # --- drafts and sending -----------------------------------------------------------------

    def save_draft(self) -> None:
        """Write the text as typed; an emptied text leaves no draft behind."""
        self._save_timer.stop()
        draft = self.current_draft()
        if draft is None:
            return
        if not draft.text.strip():
            if draft.id is not None:
                self._store.delete_draft(draft.id)
            self._draft = None
            return
        draft_id = self._store.save_draft(draft)
        self._draft = Draft(
            draft.account_id, draft.text, draft.in_reply_to, draft.visibility, draft.spoiler,
            id=draft_id, conversation_id=draft.conversation_id,
        )  # fmt: skip

    def _action(self, at: datetime | None) -> OutboxAction:
        if at is not None:
            return OutboxAction.SCHEDULE
        if self._reply is None:
            return OutboxAction.POST
        return OutboxAction.DIRECT if self._reply.conversation_id else OutboxAction.REPLY

    def send(self) -> None:
        draft = self.current_draft()
        if self._sender is None or draft is None:
            return
        if self._task is not None and not self._task.done():
            return
        at = self.scheduled_at()
        # Mastodon keeps its schedule on the server, which wants 5 minutes' notice.
        server_queue = any(t.network is Network.MASTODON for t in self.targets())
        if at is not None and server_queue and at < datetime.now(UTC) + MIN_SCHEDULE_AHEAD:
            self._say(
                QCoreApplication.translate("compose", "Choose a time at least 6 minutes from now.")
            )
            return
        if at is not None and at <= datetime.now(UTC):
            # Pantau's own queue (Bluesky, X) sends at any future minute.
            self._say(QCoreApplication.translate("compose", "Choose a time in the future."))
            return
        self.save_draft()
        self._task = asyncio.ensure_future(self._send(self._sender, draft, at))

    async def _upload(
        self, sender: OutboxSender, account: Account, draft: Draft
    ) -> tuple[str, ...]:
        """Upload the picked files to the account's server, each once: a retry reuses what
        already went up, so its post is the same outbox item with the same key."""
        ids = []
        for attachment in draft.attachments:
            key = (account.id, attachment)
            if key not in self._uploaded:
                self._say(QCoreApplication.translate("compose", "Uploading images…"), error=False)
                self._uploaded[key] = await sender.upload(account, attachment)
            ids.append(self._uploaded[key])
        return tuple(ids)

    async def _send(self, sender: OutboxSender, draft: Draft, at: datetime | None) -> None:
        """Send from each target account in turn. One that went out is not sent again by a
        retry (its box is unticked); one that failed keeps its box, and the text stays."""
        self.send_button.setEnabled(False)
        self.editor.setReadOnly(True)
        failures: list[str] = []
        for account in self.targets():
            if account.id in self._done:
                continue
            own = replace(draft, account_id=account.id, text=self.text_for(account))
            # Pantau's own queue (Bluesky, X) uploads the files when it sends the post.
            later_here = at is not None and account.network is not Network.MASTODON
            try:
                if own.attachments and not later_here:
                    own = replace(own, media_ids=await self._upload(sender, account, own))
                # A retry of the same text reuses the queued item and its idempotency key, so
                # a post that did reach the server is not sent twice; edited text is new.
                item = self._items.get(account.id)
                if item is None or item.payload != payload(own, at):
                    item = sender.queue(own, self._action(at), at=at)
                    self._items[account.id] = item
                self._say(QCoreApplication.translate("compose", "Sending…"), error=False)
                self._results.append(await sender.send(item))
            except ProviderError as exc:
                failures.append(describe(exc, account.label, sending=True))
                continue
            self._done.add(account.id)  # out: a retry leaves it alone
            if account.id in self.also and account.id != draft.account_id:
                self.also[account.id].setChecked(False)
        if failures:
            self._say("\n".join(failures))
            self.editor.setReadOnly(False)
            self._update()
            return
        if self._draft is not None and self._draft.id is not None:
            self._store.delete_draft(self._draft.id)
            self._draft = None
        for result in self._results:
            self.sent.emit(result)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        self._stop_asking()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._stop_asking()
        super().done(result)

    def _stop_asking(self) -> None:
        if self._rules_task is not None and not self._rules_task.done():
            self._rules_task.cancel()

    def reject(self) -> None:
        if self._task is not None and not self._task.done():
            return  # sending: closing now would hide whether it went out
        self.save_draft()
        super().reject()


def sent_message(result: object) -> str:
    """The notice after a successful send."""
    if isinstance(result, ScheduledPost):
        return QCoreApplication.translate("compose", "Scheduled for %1.").replace(
            "%1", absolute_time(result.scheduled_at)
        )
    return QCoreApplication.translate("compose", "Sent.")
