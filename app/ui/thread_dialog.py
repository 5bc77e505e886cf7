"""A direct-message conversation opened from its column: the thread, marked read."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Account, Entry, Post
from app.providers.base import ProviderError, SupportsDirectMessages
from app.store import Store
from app.sync import ProviderSource
from app.ui.column_view import setup_post_list
from app.ui.errors import describe
from app.ui.post_delegate import PostDelegate
from app.ui.post_model import PostModel

log = logging.getLogger(__name__)


class ThreadDialog(QDialog):
    """Shows the conversation oldest first. Opening it marks it read here at once and on
    the server in the background; the cached last message shows until the thread loads."""

    reply_requested = Signal(object)
    open_requested = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        entry: Entry,
        account: Account,
        *,
        conversation_id: str,
        store: Store,
        providers: ProviderSource | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entry = entry
        self._account = account
        self._conversation_id = conversation_id
        self._store = store
        self._providers = providers
        self._posts: list[Post] = [entry.post]
        self._task: asyncio.Task[None] | None = None
        names = ", ".join(p.display_name or p.handle for p in entry.participants)
        self.setWindowTitle(names or QCoreApplication.translate("thread", "Conversation"))
        self.setMinimumSize(480, 520)
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = PostModel(load=self._page, parent=self)
        self.list = QListView(self)
        delegate = PostDelegate(self.list)
        # Replying to any message of the thread answers in the conversation itself.
        delegate.reply_requested.connect(lambda _entry: self.reply_requested.emit(self._entry))
        delegate.open_requested.connect(self.open_requested)
        setup_post_list(self.list, self.model, delegate)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reply_button = QPushButton(QCoreApplication.translate("thread", "Reply"), self)
        buttons.addButton(self.reply_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reply_button.clicked.connect(lambda: self.reply_requested.emit(self._entry))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.fetchMore()
        store.set_conversation_read(entry.entry_id)
        if providers is None:
            self.status.setText(
                QCoreApplication.translate("thread", "Demo: only the latest message is cached.")
            )
        else:
            self._task = asyncio.ensure_future(self._load(providers))
            # However the window goes away, its work goes with it.
            self.destroyed.connect(self._task.cancel)

    def _page(self, before: tuple[int, int] | None, limit: int) -> list[Entry]:
        """The thread as entries, oldest at the top, so it reads like a chat."""
        if before is not None:
            return []
        count = len(self._posts)
        return [
            Entry(sort_key=count - i, entry_id=i + 1, post=post)
            for i, post in enumerate(self._posts)
        ][:limit]

    async def _load(self, providers: ProviderSource) -> None:
        self.status.setText(QCoreApplication.translate("thread", "Loading the conversation…"))
        try:
            provider = await providers.provider(self._account)
            if not isinstance(provider, SupportsDirectMessages):
                self.status.clear()
                return
            posts = await provider.thread(self._conversation_id)
            self._posts = list(posts) or self._posts
            self.model.reload()
            self.list.scrollToBottom()
            self.status.clear()
            await provider.mark_read(self._conversation_id)
        except ProviderError as exc:
            log.info("conversation %s: %s", self._conversation_id, exc)
            self.status.setText(describe(exc, self._account.label))
        self.loaded.emit()

    def shown_posts(self) -> list[Post]:
        return list(self._posts)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().closeEvent(event)
