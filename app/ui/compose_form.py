"""The form above a post's text: from which accounts, who can see it, language and warning."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.model import Account, Post, Visibility
from app.ui.icons import icon, network_name

LANGUAGES = (
    ("Bahasa Indonesia", "id"),
    ("English", "en"),
    ("Basa Jawa", "jv"),
    ("Basa Sunda", "su"),
)


def default_language() -> str:
    """The interface's language when it is one a post can carry, else Indonesian."""
    code = QLocale().name().split("_")[0]
    return code if code in {c for _, c in LANGUAGES} else "id"


def _visibility_names() -> list[tuple[Visibility, str]]:
    return [
        (Visibility.PUBLIC, QCoreApplication.translate("compose", "Public")),
        (Visibility.UNLISTED, QCoreApplication.translate("compose", "Public, not in timelines")),
        (Visibility.PRIVATE, QCoreApplication.translate("compose", "Followers only")),
    ]


def select(box: QComboBox, data: str) -> None:
    """Choose the item that holds `data`, else the first."""
    box.setCurrentIndex(max(0, box.findData(data)))


class ComposeForm(QObject):
    """The rows above a post's text, in `rows`, their widgets children of `parent`: the
    account it goes out from (a reply's is fixed until "Change account…"), for a new post the
    other accounts it also goes out from, who can see it (fixed for a direct reply), its
    language and content warning."""

    def __init__(
        self,
        *,
        accounts: Sequence[Account],
        reply_to: Post | None,
        direct: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._accounts = list(accounts)
        self.rows = form = QFormLayout()
        self.account_box = QComboBox(parent)
        for account in self._accounts:
            label = f"{account.label} ({network_name(account.network)})"
            self.account_box.addItem(icon(account.network.value), label, account.id)
        self.account_box.setEnabled(reply_to is None and len(self._accounts) > 1)
        from_row = QHBoxLayout()
        from_row.addWidget(self.account_box, 1)
        # A reply goes out from the column's account; another one only when asked for.
        self.change_account = QPushButton(
            QCoreApplication.translate("compose", "Change account…"), parent
        )
        self.change_account.setFlat(True)
        self.change_account.setVisible(reply_to is not None and len(self._accounts) > 1)
        self.change_account.clicked.connect(self._unlock_account)
        from_row.addWidget(self.change_account)
        form.addRow(QCoreApplication.translate("compose", "From:"), from_row)
        # Cross-posting: a new post may also go out from other accounts (not a reply,
        # which belongs to the conversation it answers).
        self.also: dict[str, QCheckBox] = {}
        also_row = QHBoxLayout()
        for account in self._accounts if reply_to is None else ():
            box = QCheckBox(account.label, parent)
            box.setIcon(icon(account.network.value))
            self.also[account.id] = box
            also_row.addWidget(box)
        also_row.addStretch(1)
        self.also_label = QLabel(QCoreApplication.translate("compose", "Also post from:"), parent)
        form.addRow(self.also_label, also_row)
        self.also_label.setVisible(len(self.also) > 1)
        self.visibility_box = QComboBox(parent)
        for value, name in _visibility_names():
            self.visibility_box.addItem(name, value.value)
        if reply_to is not None and direct:
            self.visibility_box.clear()
            self.visibility_box.addItem(
                QCoreApplication.translate("compose", "Direct message"), Visibility.DIRECT.value
            )
        elif reply_to is not None:
            select(self.visibility_box, reply_to.visibility.value)
        form.addRow(QCoreApplication.translate("compose", "Who can see it:"), self.visibility_box)
        self.language_box = QComboBox(parent)
        # Language names in their own language, so whoever writes finds theirs.
        for name, code in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.addItem(QCoreApplication.translate("compose", "Not set"), "")
        select(self.language_box, default_language())
        self.language_box.setToolTip(
            QCoreApplication.translate(
                "compose", "Sent with the post so readers' filters and translation work."
            )
        )
        form.addRow(QCoreApplication.translate("compose", "Language:"), self.language_box)
        self.spoiler_edit = QLineEdit(parent)
        self.spoiler_edit.setPlaceholderText(
            QCoreApplication.translate("compose", "Optional, e.g. a sensitive complaint")
        )
        form.addRow(QCoreApplication.translate("compose", "Content warning:"), self.spoiler_edit)

    def _unlock_account(self) -> None:
        self.account_box.setEnabled(True)
        self.change_account.hide()
        self.account_box.setFocus()
        self.account_box.showPopup()

    def account(self) -> Account | None:
        account_id = self.account_box.currentData()
        return next((a for a in self._accounts if a.id == account_id), None)

    def targets(self) -> list[Account]:
        """The accounts this post goes out from: the "From" one first."""
        main = self.account()
        if main is None:
            return []
        others = [
            a for a in self._accounts
            if a.id != main.id and a.id in self.also and self.also[a.id].isChecked()
        ]  # fmt: skip
        return [main, *others]

    def offer_also(self) -> None:
        """Offer a box for each account but the "From" one."""
        main = self.account()
        for account_id, box in self.also.items():
            # The "From" account always posts; its own box is not offered.
            is_main = main is not None and account_id == main.id
            box.setVisible(len(self.also) > 1 and not is_main)
            if is_main and box.isChecked():
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
