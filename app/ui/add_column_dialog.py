"""The Add column dialog (also used to change a column): kind, account and kind options."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model import Account, ColumnSpec
from app.ui.checked_dialog import CheckedDialog
from app.ui.icons import icon, network_name
from columns import kinds
from columns.base import ColumnKind, SettingsForm


class AddColumnDialog(CheckedDialog):
    """Lists every column kind and every account; the chosen kind brings its own form."""

    def __init__(
        self,
        accounts: Sequence[Account],
        *,
        current: ColumnSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = list(accounts)
        self._form: SettingsForm | None = None
        editing = current is not None
        self.setWindowTitle(
            QCoreApplication.translate("add_column", "Column settings")
            if editing
            else QCoreApplication.translate("add_column", "Add column")
        )
        self.setMinimumSize(QSize(560, 420))
        layout = QVBoxLayout(self)

        self.kind_list = QListWidget(self)
        self.kind_list.setIconSize(QSize(24, 24))
        self.kind_list.setSpacing(2)
        for kind in kinds().values():
            item = QListWidgetItem(icon(kind.icon), f"{kind.label()}\n{kind.description()}")
            item.setData(Qt.ItemDataRole.UserRole, kind.name)
            self.kind_list.addItem(item)
        self.kind_list.setEnabled(not editing)
        layout.addWidget(self.kind_list, 1)

        form = QFormLayout()
        self.account_box = QComboBox(self)
        form.addRow(QCoreApplication.translate("add_column", "Account:"), self.account_box)
        layout.addLayout(form)
        self.options_holder = QVBoxLayout()
        layout.addLayout(self.options_holder)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #B42318;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.kind_list.currentRowChanged.connect(self._kind_changed)
        names = list(kinds())
        start = names.index(current.kind) if current and current.kind in names else 0
        self.kind_list.setCurrentRow(start)
        if current is not None:
            self._show_form(current.options)
            index = self.account_box.findData(current.account_id)
            self.account_box.setCurrentIndex(max(index, 0))

    def selected_kind(self) -> ColumnKind | None:
        if self.kind_list.currentRow() < 0:
            return None
        item = self.kind_list.currentItem()
        return kinds().get(str(item.data(Qt.ItemDataRole.UserRole)))

    def _kind_changed(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        self.account_box.clear()
        if kind.all_accounts_allowed and len(self._accounts) != 1:
            self.account_box.addItem(QCoreApplication.translate("add_column", "All accounts"), "")
        for account in self._accounts:
            label = f"{account.label} ({network_name(account.network)})"
            self.account_box.addItem(icon(account.network.value), label, account.id)
        self._show_form(kind.default_options())
        self.problem.clear()

    def _show_form(self, options: object) -> None:
        if self._form is not None:
            self._form.setParent(None)
            self._form.deleteLater()
            self._form = None
        kind = self.selected_kind()
        if kind is None or not isinstance(options, dict):
            return
        self._form = kind.settings_form(options, self)
        if self._form is not None:
            self.options_holder.addWidget(self._form)

    def spec(self) -> ColumnSpec | None:
        """The column described by the dialog, or None when something is missing."""
        kind = self.selected_kind()
        if kind is None:
            return None
        account_id = self.account_box.currentData()
        options = self._form.options() if self._form is not None else {}
        return ColumnSpec(kind.name, account_id=str(account_id or ""), options=options)

    def problem_text(self) -> str:
        kind = self.selected_kind()
        if kind is None:
            return QCoreApplication.translate("add_column", "Choose a column kind.")
        if self.account_box.count() == 0:
            return QCoreApplication.translate(
                "add_column", "Add an account first: this column reads from an account."
            )
        return self._form.problem() if self._form is not None else ""
