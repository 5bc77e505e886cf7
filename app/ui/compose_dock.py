"""The main window's compose: a new post, or a reply from the accounts that can give it;
one at a time in a side panel (like TweetDeck) or a window each, and moving a compose
between the two without losing what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from app.model import Account, Case, Entry, EntryKind, Network
from app.outbox import OutboxSender
from app.ui.compose_dialog import ComposeDialog, ReplyTarget, sent_message
from app.ui.window_part import WindowContext, WindowPart


class ComposeDock(WindowPart):
    """Owns the compose side panel (`dock`) of one main window and opens composes; the
    window keeps the account list and the sender, asked for at each compose."""

    def __init__(
        self, context: WindowContext, *, sender: Callable[[], OutboxSender | None]
    ) -> None:
        """`sender` gives None for the demo deck, which never touches a network."""
        super().__init__(context)
        self._sender = sender
        self.dock = self._build_compose_dock()

    def _build_compose_dock(self) -> QDockWidget:
        dock = QDockWidget(QCoreApplication.translate("window", "Compose"), self._window)
        dock.setObjectName("compose-dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()
        return dock

    def new_post(self) -> None:
        accounts = self._accounts()
        if not accounts:
            self._bridge.info(
                QCoreApplication.translate("window", "Add an account first, then write a post.")
            )
            return
        self.compose(accounts, None)

    def reply_to(self, entry: Entry, column_account: Account | None = None) -> None:
        """Reply from the column's account (or, in an all-accounts column, the account that
        saw the post); a conversation's reply stays in it."""
        account = column_account or self._store.account(entry.post.account_id)
        if account is None:
            self._bridge.warning(
                QCoreApplication.translate(
                    "window", "The account that received this post was removed."
                )
            )
            return
        conversation = ""
        if entry.kind is EntryKind.CONVERSATION:
            conversation = self._store.conversation_remote_id(entry.entry_id) or ""
        self.compose(self._repliers(account, entry), ReplyTarget(entry, conversation))

    def _repliers(self, account: Account, entry: Entry) -> list[Account]:
        """The replying account first, then the others that could answer the same post if
        the admin changes it explicitly: the same network and, on Mastodon, whose post ids
        are the same, i.e. the same server. A conversation stays with its own account."""
        if entry.kind is EntryKind.CONVERSATION:
            return [account]
        others = [
            a for a in self._accounts()
            if a.id != account.id and a.network is account.network
            and (a.network is not Network.MASTODON or a.server == account.server)
        ]  # fmt: skip
        return [account, *others]

    def reply_to_case(self, case: Case) -> None:
        """Answer a citizen's report from the office account that received it; the case
        is marked answered when the reply is sent (see OutboxSender)."""
        account = self._store.account(case.account_id)
        if account is None:
            self._bridge.warning(
                QCoreApplication.translate(
                    "window", "The account that received this report was removed."
                )
            )
            return
        post = self._store.case_post(case)
        target = ReplyTarget(Entry(0, case.id, post), case.conversation_id)
        self.compose([account], target)

    def compose(self, accounts: list[Account], reply: ReplyTarget | None) -> None:
        """One compose at a time in the side panel (like TweetDeck), or a window each,
        as the admin chose (setting compose_docked, switched from the compose itself)."""
        docked = self._settings.get("compose_docked") == "yes"
        if docked:
            self._close_docked()
        dialog = ComposeDialog(
            store=self._store,
            sender=self._sender(),
            accounts=accounts,
            reply=reply,
            parent=self.dock if docked else self._window,
        )
        dialog.sent.connect(lambda result: self._bridge.info(sent_message(result)))
        dialog.placement_requested.connect(
            lambda dock: self._move_compose(dialog, accounts, reply, dock)
        )
        if docked:
            dialog.setWindowFlags(Qt.WindowType.Widget)
            dialog.set_docked(True)
            dialog.finished.connect(lambda _result: self._docked_done(dialog))
            self.dock.setWidget(dialog)
            self.dock.show()
            dialog.show()
            dialog.editor.setFocus()
        else:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    def _close_docked(self) -> None:
        current = self.dock.widget()
        if isinstance(current, ComposeDialog):
            current.reject()  # saves its draft

    def _docked_done(self, dialog: ComposeDialog) -> None:
        if self.dock.widget() is dialog:
            self.dock.hide()
        dialog.deleteLater()

    def _move_compose(
        self,
        dialog: ComposeDialog,
        accounts: list[Account],
        reply: ReplyTarget | None,
        docked: bool,
    ) -> None:
        self._settings.set("compose_docked", "yes" if docked else "no")
        dialog.reject()
        self.compose(accounts, reply)
