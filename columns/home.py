"""Home column: the account's own timeline."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.model import Account, ColumnSpec, FeedKind, FeedSpec
from columns.base import ColumnKind, accounts_of


class HomeKind(ColumnKind):
    name = "home"
    icon = "home"
    order = 50

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Home")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Posts from the people and pages the account follows."
        )

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        return tuple(FeedSpec(a.id, FeedKind.HOME) for a in accounts_of(spec, accounts))


KIND = HomeKind()
