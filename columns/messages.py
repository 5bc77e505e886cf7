"""Direct messages column: the account's conversations, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.model import Account, ColumnSpec, Entry, EntryKind, FeedKind, FeedSpec
from app.store import Store
from columns.base import ColumnKind, accounts_of


class MessagesKind(ColumnKind):
    name = "messages"
    icon = "messages"
    order = 30
    entry_kind = EntryKind.CONVERSATION
    all_accounts_allowed = True

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Direct messages")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Private conversations with citizens and vendors."
        )

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        return tuple(FeedSpec(a.id, FeedKind.CONVERSATIONS) for a in accounts_of(spec, accounts))

    def page(
        self,
        store: Store,
        spec: ColumnSpec,
        accounts: Sequence[Account],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        keys = [f.key for f in self.feeds(spec, accounts)]
        return store.conversation_entries(keys, before=before, limit=limit)


KIND = MessagesKind()
