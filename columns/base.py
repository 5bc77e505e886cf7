"""What every column kind provides: its spec's meaning, its rows, what to fetch, its form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import ClassVar

from PySide6.QtWidgets import QWidget

from app.model import Account, ColumnSpec, Entry, EntryKind, FeedSpec
from app.store import Store


class SettingsForm(QWidget):
    """A kind's own options editor, shown in the Add column and column settings dialogs."""

    def options(self) -> dict[str, object]:
        return {}

    def problem(self) -> str:
        """A translated reason the options cannot be used yet, or '' when they are fine."""
        return ""


class ColumnKind:
    """Base of every column kind. Subclasses set the class attributes and override what differs."""

    name: ClassVar[str]
    icon: ClassVar[str]
    order: ClassVar[int] = 100
    entry_kind: ClassVar[EntryKind] = EntryKind.POST
    needs_account: ClassVar[bool] = True
    all_accounts_allowed: ClassVar[bool] = False
    store_keys: ClassVar[frozenset[str]] = frozenset()
    """Store change keys, besides its feeds' keys, after which its rows are read again."""
    multi_select: ClassVar[bool] = False

    def label(self) -> str:
        """The kind's translated name."""
        raise NotImplementedError

    def description(self) -> str:
        """One translated sentence for the Add column dialog."""
        raise NotImplementedError

    def title(self, spec: ColumnSpec) -> str:
        return self.label()

    def default_options(self) -> dict[str, object]:
        return {}

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        """The endpoints this column reads; sync fetches them, the store files rows by them."""
        return ()

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
        return store.feed_entries(keys, before=before, limit=limit)

    def take_in(
        self, store: Store, spec: ColumnSpec, accounts: Sequence[Account], now: datetime
    ) -> None:
        """Its feeds have new rows: a kind that keeps rows of its own files them now."""

    def alert(
        self, store: Store, spec: ColumnSpec, accounts: Sequence[Account], now: datetime
    ) -> str:
        """A short translated warning for the column's header ("3 overdue"), or ''."""
        return ""

    def settings_form(
        self, options: Mapping[str, object], parent: QWidget | None = None
    ) -> SettingsForm | None:
        return None

    def __repr__(self) -> str:
        return f"<ColumnKind {self.name}>"


def accounts_of(spec: ColumnSpec, accounts: Sequence[Account]) -> list[Account]:
    """The column's own account, or every account for an all-accounts column."""
    if not spec.account_id:
        return list(accounts)
    return [a for a in accounts if a.id == spec.account_id]
