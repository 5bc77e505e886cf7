"""The main window's toolbar (with the triage menu) and its status line (notices, and
whether Pantau is offline)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from app.providers.base import Offline, ProviderError
from app.ui.icons import icon
from app.ui.messages import Level
from app.ui.triage_desk import TriageDesk


def build_toolbar(
    window: QMainWindow,
    triage: TriageDesk,
    *,
    new_post: Callable[[], None],
    add_column: Callable[[], None],
    show_accounts: Callable[[], None],
    show_saved_replies: Callable[[], None],
    refresh_all: Callable[[], None],
    show_settings: Callable[[], None],
) -> None:
    bar = QToolBar(QCoreApplication.translate("window", "Main toolbar"), window)
    bar.setObjectName("toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    actions = (
        # "n" alone as in TweetDeck; text fields keep their own letters.
        ("compose", QCoreApplication.translate("window", "New post"), new_post, "Ctrl+N|N"),
        ("add", QCoreApplication.translate("window", "Add column"), add_column, "Ctrl+Shift+N"),
        ("accounts", QCoreApplication.translate("window", "Accounts"), show_accounts, ""),
        ("reply", QCoreApplication.translate("window", "Saved replies"), show_saved_replies, ""),
        ("refresh", QCoreApplication.translate("window", "Refresh all"), refresh_all, "F5"),
        ("settings", QCoreApplication.translate("window", "Settings"), show_settings, ""),
    )
    for icon_name, text, slot, shortcut in actions:
        action = QAction(icon(icon_name), text, window)
        if shortcut:
            action.setShortcuts([QKeySequence(k) for k in shortcut.split("|")])
        action.triggered.connect(slot)
        bar.addAction(action)
    bar.insertWidget(bar.actions()[-1], build_triage_button(bar, triage))


def build_triage_button(parent: QWidget, triage: TriageDesk) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName("triage-menu")
    button.setIcon(icon("inbox"))
    button.setText(QCoreApplication.translate("window", "Triage"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addAction(QCoreApplication.translate("window", "Monthly report…"), triage.show_report)
    menu.addAction(
        QCoreApplication.translate("window", "Agencies, topics and holidays…"),
        triage.edit_lists,
    )
    button.setMenu(menu)
    return button


def build_status_bar(window: QMainWindow, *, demo: bool) -> QLabel:
    notice = QLabel(window)
    notice.setObjectName("notice")
    window.statusBar().addWidget(notice, 1)
    if demo:
        demo_label = QLabel(
            QCoreApplication.translate(
                "window", "Demo data: nothing is sent or fetched from the networks."
            ),
            window,
        )
        window.statusBar().addPermanentWidget(demo_label)
    return notice


class StatusLine(QObject):
    """The status line of one main window: the bridge's notices in their level's colour,
    and a warning while feeds or columns are offline, cleared once when connected again."""

    def __init__(
        self, window: QMainWindow, *, demo: bool, columns_offline: Callable[[], bool]
    ) -> None:
        super().__init__(window)
        self.notice = build_status_bar(window, demo=demo)
        self._columns_offline = columns_offline
        self._offline_feeds: set[str] = set()
        self._offline_shown = False

    def feed_result(self, key: str, error: ProviderError | None) -> None:
        if isinstance(error, Offline):
            self._offline_feeds.add(key)
        else:
            self._offline_feeds.discard(key)
        self.update_offline_notice()

    def update_offline_notice(self) -> None:
        offline = bool(self._offline_feeds) or self._columns_offline()
        if offline:
            self.show_notice(
                int(Level.WARNING),
                QCoreApplication.translate(
                    "window", "No connection: showing cached posts. Pantau keeps trying."
                ),
            )
            self._offline_shown = True
        elif self._offline_shown:
            self._offline_shown = False
            self.show_notice(
                int(Level.INFO), QCoreApplication.translate("window", "Connected again.")
            )

    def show_notice(self, level: int, text: str) -> None:
        colors = {Level.INFO: "palette(text)", Level.WARNING: "#B54708", Level.ERROR: "#B42318"}
        self.notice.setStyleSheet(f"color: {colors.get(Level(level), 'palette(text)')};")
        self.notice.setText(text)
