"""Scheduled column: announcements waiting to go out, soonest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.model import Account, ColumnSpec, Entry, EntryKind
from app.store import SCHEDULED_CHANGED, Store
from columns.base import ColumnKind, accounts_of


class ScheduledKind(ColumnKind):
    name = "scheduled"
    icon = "scheduled"
    order = 60
    entry_kind = EntryKind.SCHEDULED
    all_accounts_allowed = True
    store_keys = frozenset({SCHEDULED_CHANGED})

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Scheduled")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Posts queued to go out later, on the server or from this PC."
        )

    def title(self, spec: ColumnSpec) -> str:
        if not spec.account_id:
            return QCoreApplication.translate("columns", "Scheduled (all accounts)")
        return self.label()

    def page(
        self,
        store: Store,
        spec: ColumnSpec,
        accounts: Sequence[Account],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        ids = [a.id for a in accounts_of(spec, accounts)]
        return store.scheduled_entries(ids, before=before, limit=limit)


KIND = ScheduledKind()
