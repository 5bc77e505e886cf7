"""A reply window: from the column's own account, saved as typed, sent through the outbox."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Account, Draft, Entry, EntryKind, Network, OutboxItem, Visibility
from app.outbox import OutboxSender, draft_payload
from app.providers.base import ProviderError
from app.store import Store
from app.ui.errors import describe
from app.ui.icons import network_name

log = logging.getLogger(__name__)

# Plain character limits; exact per-network counting (graphemes, X weights) comes with
# each provider.
LIMITS = {Network.MASTODON: 500, Network.BLUESKY: 300, Network.X: 280}
SAVE_DELAY_MS = 400


class ReplyDialog(QDialog):
    """Nothing typed is lost: the text is saved as a draft while typing, reopened for the
    same post, and kept when sending fails."""

    sent = Signal()

    def __init__(
        self,
        entry: Entry,
        account: Account,
        *,
        store: Store,
        sender: OutboxSender | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entry = entry
        self._account = account
        self._store = store
        self._sender = sender
        self._item: OutboxItem | None = None
        self._task: asyncio.Task[None] | None = None
        self._visibility = (
            Visibility.DIRECT
            if entry.kind is EntryKind.CONVERSATION or entry.post.visibility is Visibility.DIRECT
            else entry.post.visibility
        )
        self.setWindowTitle(QCoreApplication.translate("reply", "Reply"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        author = entry.post.author
        about = QLabel(
            QCoreApplication.translate("reply", "Replying to %1").replace(
                "%1", f"{author.display_name} @{author.handle.lstrip('@')}"
            ),
            self,
        )
        quoted = QLabel(self)
        quoted.setTextFormat(Qt.TextFormat.PlainText)  # network text never renders as HTML
        quoted.setWordWrap(True)
        quoted.setText(entry.post.text[:400])
        quoted.setStyleSheet("color: palette(placeholder-text); padding-left: 8px;")
        origin = QLabel(
            QCoreApplication.translate("reply", "From %1 on %2")
            .replace("%1", account.label)
            .replace("%2", network_name(account.network)),
            self,
        )
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("reply-text")
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B42318;")
        buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(QCoreApplication.translate("reply", "Send"), self)
        self.send_button.setDefault(True)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send)
        for widget in (about, quoted, origin, self.editor, self.counter, self.problem, buttons):
            layout.addWidget(widget)

        self._draft = self._existing_draft()
        if self._draft is not None:
            self.editor.setPlainText(self._draft.text)
        elif entry.kind is not EntryKind.CONVERSATION:
            self.editor.setPlainText(f"@{author.handle.lstrip('@')} ")
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        self.editor.textChanged.connect(self._text_changed)
        self._update_counter()
        if sender is None:
            self.send_button.setEnabled(False)
            self.problem.setText(
                QCoreApplication.translate(
                    "reply", "Demo: replies are kept as drafts and never sent."
                )
            )

    @property
    def reply_target(self) -> str:
        entry = self._entry
        if entry.kind is EntryKind.CONVERSATION:
            return entry.post.conversation_id or entry.post.remote_id
        return entry.post.remote_id

    def _existing_draft(self) -> Draft | None:
        for draft in self._store.drafts():
            if draft.account_id == self._account.id and draft.in_reply_to == self.reply_target:
                return draft
        return None

    def _text_changed(self) -> None:
        self._update_counter()
        self._save_timer.start()

    def _update_counter(self) -> None:
        limit = LIMITS.get(self._account.network, 500)
        used = len(self.editor.toPlainText())
        self.counter.setText(f"{used}/{limit}")
        over = used > limit
        self.counter.setStyleSheet("color: #B42318;" if over else "")
        text = self.editor.toPlainText().strip()
        self.send_button.setEnabled(self._sender is not None and bool(text) and not over)

    def current_draft(self) -> Draft:
        return Draft(
            account_id=self._account.id,
            text=self.editor.toPlainText(),
            in_reply_to=self.reply_target,
            visibility=self._visibility,
            id=self._draft.id if self._draft is not None else None,
        )

    def save_draft(self) -> None:
        """Write the text as typed; an emptied reply leaves no draft behind."""
        self._save_timer.stop()
        draft = self.current_draft()
        if not draft.text.strip():
            if draft.id is not None:
                self._store.delete_draft(draft.id)
            self._draft = None
            return
        draft_id = self._store.save_draft(draft)
        self._draft = Draft(
            draft.account_id, draft.text, draft.in_reply_to, draft.visibility, id=draft_id
        )

    def send(self) -> None:
        if self._sender is None or (self._task is not None and not self._task.done()):
            return
        self.save_draft()
        draft = self.current_draft()
        # A retry of the same text reuses the queued item and its idempotency key, so a
        # reply that did reach the server is not posted twice; edited text is a new reply.
        if self._item is None or self._item.payload != draft_payload(draft):
            self._item = self._sender.queue(draft, "reply")
        self._task = asyncio.ensure_future(self._send(self._sender, self._item))

    async def _send(self, sender: OutboxSender, item: OutboxItem) -> None:
        self.send_button.setEnabled(False)
        self.editor.setReadOnly(True)
        self.problem.setText(QCoreApplication.translate("reply", "Sending…"))
        try:
            await sender.send(item)
        except ProviderError as exc:
            self.problem.setText(describe(exc, self._account.label, sending=True))
            self.editor.setReadOnly(False)
            self._update_counter()
            return
        if self._draft is not None and self._draft.id is not None:
            self._store.delete_draft(self._draft.id)
            self._draft = None
        self.sent.emit()
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)

    def reject(self) -> None:
        if self._task is not None and not self._task.done():
            return  # sending: closing now would hide whether it went out
        self.save_draft()
        super().reject()
