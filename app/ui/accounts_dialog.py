"""The Accounts dialog: list, add through a network's own sign-in, remove."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Account, Network
from app.ui.icons import icon, network_name


class AccountsDialog(QDialog):
    """Shows the accounts. Adding and removing are requests: the window runs them as tasks
    (keyring and network calls must not block this dialog)."""

    add_requested = Signal(str)
    remove_requested = Signal(str, bool)

    def __init__(
        self,
        accounts: Sequence[Account],
        *,
        networks: Sequence[Network],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("accounts", "Accounts"))
        self.setMinimumSize(QSize(480, 320))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(20, 20))
        layout.addWidget(self.list, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(
            icon("add"), QCoreApplication.translate("accounts", "Add account"), self
        )
        menu = QMenu(self.add_button)
        for network in networks:
            action = menu.addAction(icon(network.value), network_name(network))
            action.triggered.connect(lambda _=False, n=network: self.add_requested.emit(n.value))
        self.add_button.setMenu(menu)
        self.add_button.setEnabled(bool(networks))
        self.remove_button = QPushButton(QCoreApplication.translate("accounts", "Remove…"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if not networks:
            self.note.setText(
                QCoreApplication.translate(
                    "accounts",
                    "No network can be added in this version yet: Mastodon, Bluesky and X "
                    "sign-in arrive in the next releases. Try the demo deck meanwhile.",
                )
            )
        self.set_accounts(accounts)

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.list.clear()
        for account in accounts:
            text = f"{account.display_name}  {account.label} · {network_name(account.network)}"
            if account.problem:
                text += "  — " + QCoreApplication.translate("accounts", "needs attention")
            item = QListWidgetItem(icon(account.network.value), text)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(accounts))
        if accounts:
            self.list.setCurrentRow(0)

    def _remove_selected(self) -> None:
        if self.list.currentRow() < 0:
            return
        item = self.list.currentItem()
        account_id = str(item.data(Qt.ItemDataRole.UserRole))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("accounts", "Remove account"))
        box.setText(
            QCoreApplication.translate(
                "accounts",
                "Remove %1 from Pantau? Its sign-in is deleted from the password store "
                "and its columns are closed.",
            ).replace("%1", item.text().split("  ")[0])
        )
        purge = QCheckBox(
            QCoreApplication.translate("accounts", "Also delete its cached posts and messages"),
            box,
        )
        box.setCheckBox(purge)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.remove_requested.emit(account_id, purge.isChecked())
