"""Writing a post, reply or direct message, now or scheduled; saved as typed, sent once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import (
    Account,
    Draft,
    Entry,
    EntryKind,
    Network,
    OutboxAction,
    SavedReply,
    ScheduledPost,
    Visibility,
)
from app.outbox import OutboxSender
from app.store import Store
from app.text_length import counted_length
from app.ui.attachments import AttachmentList
from app.ui.compose_form import ComposeForm, select
from app.ui.cross_post import SideBySideEditors
from app.ui.icons import network_name
from app.ui.mention_completion import MentionCompleter
from app.ui.post_sending import PostSending, schedule_problem
from app.ui.reply_quote import add_reply_quote
from app.ui.saved_reply_insert import SavedReplyInserter
from app.ui.server_text_rules import ServerTextRules
from app.ui.timefmt import absolute_time, pick_in_office_zone

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 400


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
        self._sending = PostSending(self)
        self._sending.status_changed.connect(self._say_status)
        self._sending.also_sent.connect(self._also_sent)
        self._docked = False
        self._task: asyncio.Task[None] | None = None
        self._draft: Draft | None = None
        self._text_rules = ServerTextRules(sender)
        self._over_text = ""
        self._restoring = False
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        if reply is not None:
            self.setWindowTitle(QCoreApplication.translate("compose", "Reply"))
            add_reply_quote(layout, store=self._store, post=reply.entry.post, parent=self)
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
        self._mentions = MentionCompleter(editor=self.editor, store=self._store, parent=self)
        self.completer = self._mentions.completer
        self.suggestions = self._mentions.suggestions
        self._people = self._mentions.people  # the names suggested
        self.editor.textChanged.connect(self._suggest_people)
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
        self._form = ComposeForm(
            accounts=self._accounts,
            reply_to=reply.entry.post if reply is not None else None,
            direct=reply is not None and reply.is_direct,
            parent=self,
        )
        self.account_box = self._form.account_box
        self.change_account = self._form.change_account
        self.also = self._form.also
        for box in self.also.values():
            box.toggled.connect(self._also_toggled)
        self.also_label = self._form.also_label
        self.visibility_box = self._form.visibility_box
        self.language_box = self._form.language_box
        self.spoiler_edit = self._form.spoiler_edit
        return self._form.rows

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
        self._saved = SavedReplyInserter(
            editor=self.editor,
            store=self._store,
            author=self._reply.entry.post.author if self._reply is not None else None,
            parent=self,
        )
        self._saved.problem_found.connect(self._say)
        self.saved_button = self._saved.button
        self.saved_menu = self._saved.menu
        row.addWidget(self.schedule_box)
        row.addWidget(self.schedule_time)
        row.addStretch(1)
        row.addWidget(self.saved_button)
        return row

    # --- mention completion and saved replies ----------------------------------------------

    def _suggest_people(self) -> None:
        self._mentions.suggest_people(self.account())

    def complete_mention(self, choice: str) -> None:
        self._mentions.complete_mention(choice)

    def _fill_saved_menu(self) -> None:
        self._saved.fill_menu()

    def placeholder_values(self) -> dict[str, str]:
        return self._saved.placeholder_values()

    def insert_saved(self, reply: SavedReply, replace_from: int | None = None) -> None:
        self._saved.insert_saved(reply, replace_from)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While people are suggested, the keys that choose one belong to the list. Tab after
        "/keyword" inserts that saved reply."""
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (self._mentions.handle_key(event) or self._saved.handle_key(event))
        ):
            return True
        return super().eventFilter(watched, event)

    # --- cross-posting ----------------------------------------------------------------------

    def targets(self) -> list[Account]:
        """The accounts this post goes out from: the "From" one first."""
        return self._form.targets()

    def _also_toggled(self) -> None:
        self._also_changed()
        self._changed()  # the draft keeps who else the post goes out from

    def _also_changed(self) -> None:
        self._form.offer_also()
        main = self.account()
        self.editors.set_networks(
            main.network if main else None, {a.network for a in self.targets()[1:]}
        )
        self._update()

    def text_for(self, account: Account) -> str:
        """The account's network's own wording, if one was written, else the main text."""
        own = self.editors.text(account.network)
        return own if own.strip() else self.editor.toPlainText()

    # --- state ------------------------------------------------------------------------------

    def account(self) -> Account | None:
        return self._form.account()

    def _reply_key(self) -> str:
        return self._reply.remote_id if self._reply is not None else ""

    def _restore_draft(self) -> None:
        """The newest unsent draft for this reply (or new post) of an offered account."""
        offered = {a.id for a in self._accounts}
        for draft in reversed(self._store.drafts()):
            if draft.in_reply_to == self._reply_key() and draft.account_id in offered:
                select(self.account_box, draft.account_id)
                self._draft = draft
                self.editor.setPlainText(draft.text)
                self.spoiler_edit.setText(draft.spoiler)
                select(self.language_box, draft.language)
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
            rules = self._text_rules.rules_for(target, learned=self._update)
            used_here = counted_length(self.text_for(target) + spoiler, rules)
            counts.append((target, used_here, rules.limit))
            self.editors.show_count(target.network, used_here, rules.limit)
        worst = max(counts, key=lambda c: c[1] - c[2], default=None)
        fallback = self._text_rules.rules_for(None, learned=self._update)  # no account chosen
        used, limit = (worst[1], worst[2]) if worst else (0, fallback.limit)
        # One Bluesky target makes the whole post public (Bluesky has no audiences).
        bluesky = any(t.network is Network.BLUESKY for t in targets)
        over = used > limit
        # Bluesky has no audiences: every post is public, so the choice is not offered.
        direct = self._reply is not None and self._reply.is_direct
        if bluesky and not direct:
            select(self.visibility_box, Visibility.PUBLIC.value)
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

    def _say(self, text: str, *, error: bool = True) -> None:
        self.problem.setStyleSheet("color: #B42318;" if error else "")
        self.problem.setText(text)

    def _say_status(self, text: str) -> None:
        self._say(text, error=False)

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
        problem = schedule_problem(at, self.targets())
        if problem:
            self._say(problem)
            return
        self.save_draft()
        self._task = asyncio.ensure_future(self._send(self._sender, draft, at))

    async def _send(self, sender: OutboxSender, draft: Draft, at: datetime | None) -> None:
        """Send from each target account in turn. One that went out is not sent again by a
        retry (its box is unticked); one that failed keeps its box, and the text stays."""
        self.send_button.setEnabled(False)
        self.editor.setReadOnly(True)
        failures = await self._sending.send(
            sender,
            draft,
            at=at,
            action=self._action(at),
            targets=self.targets(),
            text_for=self.text_for,
        )
        if failures:
            self._say("\n".join(failures))
            self.editor.setReadOnly(False)
            self._update()
            return
        if self._draft is not None and self._draft.id is not None:
            self._store.delete_draft(self._draft.id)
            self._draft = None
        for result in self._sending.results:
            self.sent.emit(result)
        self.accept()

    def _also_sent(self, account_id: str) -> None:
        if account_id in self.also:
            self.also[account_id].setChecked(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        self._text_rules.stop()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._text_rules.stop()
        super().done(result)

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
