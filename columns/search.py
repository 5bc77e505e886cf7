"""Search column: the network's search for a query, plus matching posts already cached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from app.model import Account, ColumnSpec, Entry, FeedKind, FeedSpec
from app.store import Store
from columns.base import ColumnKind, SettingsForm, accounts_of


class SearchForm(SettingsForm):
    def __init__(self, options: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(
            QCoreApplication.translate("columns", "e.g. dokumen penawaran")
        )
        self.query_edit.setText(ColumnSpec("search", options=options).option_str("query"))
        layout.addRow(QCoreApplication.translate("columns", "Search for:"), self.query_edit)

    def options(self) -> dict[str, object]:
        return {"query": self.query_edit.text().strip()}

    def problem(self) -> str:
        if not self.query_edit.text().strip():
            return QCoreApplication.translate("columns", "Type what to search for.")
        return ""


class SearchKind(ColumnKind):
    name = "search"
    icon = "search"
    order = 40
    all_accounts_allowed = True

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Search")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Posts matching words or names, on the network and in the local cache."
        )

    def title(self, spec: ColumnSpec) -> str:
        query = spec.option_str("query")
        return (
            f"\N{LEFT DOUBLE QUOTATION MARK}{query}\N{RIGHT DOUBLE QUOTATION MARK}"
            if query
            else self.label()
        )

    def default_options(self) -> dict[str, object]:
        return {"query": ""}

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        query = spec.option_str("query").strip()
        if not query:
            return ()
        return tuple(
            FeedSpec(a.id, FeedKind.SEARCH, query=query) for a in accounts_of(spec, accounts)
        )

    def page(
        self,
        store: Store,
        spec: ColumnSpec,
        accounts: Sequence[Account],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        query = spec.option_str("query").strip()
        if not query:
            return []
        ids = [a.id for a in accounts_of(spec, accounts)]
        return store.search_entries(query, ids, before=before, limit=limit)

    def settings_form(
        self, options: Mapping[str, object], parent: QWidget | None = None
    ) -> SettingsForm:
        return SearchForm(options, parent)


KIND = SearchKind()
