"""Triage inbox column: citizen reports from hashtags, mentions and messages, as cases with
a status, an agency and a working-day deadline (the #KemalaJateng way of working)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from app import triage
from app.deadlines import current_due
from app.model import (
    Account,
    CaseStatus,
    ColumnSpec,
    Entry,
    EntryKind,
    FeedKind,
    FeedSpec,
    Network,
)
from app.settings import Settings
from app.store import CASES_CHANGED, Store
from columns.base import ColumnKind, SettingsForm, accounts_of
from columns.hashtag import parse_tags

SHOWN: dict[str, tuple[CaseStatus, ...]] = {
    "open": (CaseStatus.NEW, CaseStatus.ASSIGNED),
    "done": (CaseStatus.ANSWERED, CaseStatus.CLOSED),
    "dismissed": (CaseStatus.NOT_COMPLAINT, CaseStatus.DUPLICATE),
    "all": tuple(CaseStatus),
}
"""Which cases a column shows, by its `show` option."""

LOOK_BACK = timedelta(days=7)
"""A new inbox takes in the last week of its sources, not their whole history."""

# Networks whose direct messages Pantau reads (Bluesky's chat service is separate).
_DM_NETWORKS = (Network.MASTODON, Network.BLUESKY, Network.X)


class InboxForm(SettingsForm):
    def __init__(self, options: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        spec = ColumnSpec("inbox", options=options)
        self._since = spec.option_str("since")
        layout = QFormLayout(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(
            QCoreApplication.translate("columns", "#KemalaJateng #LaporGub")
        )
        self.tags_edit.setText(" ".join(f"#{t}" for t in spec.option_list("tags")))
        self.mentions_box = QCheckBox(
            QCoreApplication.translate("columns", "Mentions of the account"), self
        )
        self.mentions_box.setChecked(options.get("mentions", True) is True)
        self.messages_box = QCheckBox(
            QCoreApplication.translate("columns", "Direct messages"), self
        )
        self.messages_box.setChecked(options.get("messages", False) is True)
        self.show_box = QComboBox(self)
        for text, value in (
            (QCoreApplication.translate("columns", "Open cases"), "open"),
            (QCoreApplication.translate("columns", "Answered and closed"), "done"),
            (QCoreApplication.translate("columns", "Not a complaint or duplicate"), "dismissed"),
            (QCoreApplication.translate("columns", "All cases"), "all"),
        ):
            self.show_box.addItem(text, value)
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(spec.option_str("show"))))
        layout.addRow(QCoreApplication.translate("columns", "Hashtags:"), self.tags_edit)
        layout.addRow(QCoreApplication.translate("columns", "Also:"), self.mentions_box)
        layout.addRow("", self.messages_box)
        layout.addRow(QCoreApplication.translate("columns", "Show:"), self.show_box)

    def options(self) -> dict[str, object]:
        return {
            "tags": list(parse_tags(self.tags_edit.text())),
            "mentions": self.mentions_box.isChecked(),
            "messages": self.messages_box.isChecked(),
            "show": str(self.show_box.currentData()),
            "since": self._since,
        }

    def problem(self) -> str:
        if parse_tags(self.tags_edit.text()) or self.mentions_box.isChecked():
            return ""
        if self.messages_box.isChecked():
            return ""
        return QCoreApplication.translate(
            "columns", "Choose where reports come from: a hashtag, mentions or messages."
        )


class InboxKind(ColumnKind):
    name = "inbox"
    icon = "inbox"
    order = 5
    entry_kind = EntryKind.CASE
    all_accounts_allowed = True
    store_keys = frozenset({CASES_CHANGED})
    multi_select = True

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Triage inbox")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns",
            "Citizen reports as cases: delegate each to an agency, answer it within the "
            "working-day deadlines, and report on the month.",
        )

    def title(self, spec: ColumnSpec) -> str:
        tags = spec.option_list("tags")
        if tags:
            return QCoreApplication.translate("columns", "Inbox %1").replace(
                "%1", " / ".join(f"#{t}" for t in tags)
            )
        return self.label()

    def default_options(self) -> dict[str, object]:
        since = datetime.now(UTC) - LOOK_BACK
        return {"tags": [], "mentions": True, "messages": False, "show": "open",
                "since": since.isoformat(timespec="seconds")}  # fmt: skip

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        tags = spec.option_list("tags")
        feeds: list[FeedSpec] = []
        for account in accounts_of(spec, accounts):
            # The same FeedSpec as a hashtag column of these tags: one request serves both.
            if tags:
                feeds.append(FeedSpec(account.id, FeedKind.TAG, tags=tags))
            if spec.options.get("mentions", True) is True:
                feeds.append(FeedSpec(account.id, FeedKind.MENTIONS))
            if spec.options.get("messages") is True and account.network in _DM_NETWORKS:
                feeds.append(FeedSpec(account.id, FeedKind.CONVERSATIONS))
        return tuple(feeds)

    def take_in(
        self, store: Store, spec: ColumnSpec, accounts: Sequence[Account], now: datetime
    ) -> None:
        keys = [f.key for f in self.feeds(spec, accounts)]
        if spec.id is None or not keys:
            return
        store.take_in_cases(spec.id, keys, since=self.since(spec, now), now=now)

    @staticmethod
    def since(spec: ColumnSpec, now: datetime) -> datetime:
        """Posts older than this are not taken in (the column's start, less a week)."""
        try:
            since = datetime.fromisoformat(spec.option_str("since"))
        except ValueError:
            return now - LOOK_BACK
        return since if since.tzinfo else since.replace(tzinfo=UTC)

    def page(
        self,
        store: Store,
        spec: ColumnSpec,
        accounts: Sequence[Account],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        if spec.id is None:
            return []
        shown = SHOWN.get(spec.option_str("show", "open"), SHOWN["open"])
        entries = store.case_entries(spec.id, shown, before=before, limit=limit)
        settings = Settings(store)
        calendar, rules = triage.calendar(store, settings), triage.rules(settings)
        dated = []
        for entry in entries:
            due = current_due(entry.case, calendar, rules) if entry.case else None
            dated.append(replace(entry, due=due.at) if due else entry)
        return dated

    def alert(
        self, store: Store, spec: ColumnSpec, accounts: Sequence[Account], now: datetime
    ) -> str:
        if spec.id is None:
            return ""
        late = triage.overdue_open_cases(store, Settings(store), spec.id, now)
        if not late:
            return ""
        return QCoreApplication.translate("columns", "%n overdue", "", late)

    def settings_form(
        self, options: Mapping[str, object], parent: QWidget | None = None
    ) -> SettingsForm:
        return InboxForm(options, parent)


KIND = InboxKind()
