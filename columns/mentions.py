"""Mentions column: posts that mention or reply to the account, or to every account."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.model import Account, ColumnSpec, FeedKind, FeedSpec
from columns.base import ColumnKind, accounts_of


class MentionsKind(ColumnKind):
    name = "mentions"
    icon = "mentions"
    order = 20
    all_accounts_allowed = True

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Mentions")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Mentions and replies to one account, or to all accounts together."
        )

    def title(self, spec: ColumnSpec) -> str:
        if not spec.account_id:
            return QCoreApplication.translate("columns", "Mentions (all accounts)")
        return self.label()

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        return tuple(FeedSpec(a.id, FeedKind.MENTIONS) for a in accounts_of(spec, accounts))


KIND = MentionsKind()
