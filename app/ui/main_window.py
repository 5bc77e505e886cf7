"""The main window: toolbar, the deck of columns, the status line; keeps the layout."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QProcess, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from app import credentials, triage
from app.model import (
    Account,
    Case,
    ColumnSpec,
    ColumnState,
    Entry,
    EntryKind,
    FeedSpec,
    Network,
    ScheduledPost,
)
from app.providers.base import Offline, ProviderError, registered_networks
from app.reach import ReachSampler
from app.scheduler import DueReport, Scheduler
from app.services import Services
from app.settings import Settings
from app.store import ACCOUNTS_CHANGED, SCHEDULED_CHANGED, Store
from app.ui.accounts_dialog import AccountsDialog
from app.ui.add_column_dialog import AddColumnDialog
from app.ui.avatars import AvatarCache
from app.ui.bluesky_signin import BlueskySignInDialog
from app.ui.column_controller import ColumnController
from app.ui.column_view import ColumnView
from app.ui.compose_dialog import ComposeDialog, ReplyTarget, sent_message
from app.ui.deck import Deck
from app.ui.errors import describe
from app.ui.icons import icon
from app.ui.mastodon_signin import MastodonSignInDialog
from app.ui.messages import Level, MessageBridge
from app.ui.saved_replies_dialog import SavedRepliesDialog
from app.ui.schedule_edit_dialog import ScheduleEditDialog
from app.ui.settings_dialog import SettingsDialog
from app.ui.signin_base import SignInDialog
from app.ui.thread_dialog import ThreadDialog
from app.ui.timefmt import absolute_time, set_office_zone
from app.ui.triage_desk import TriageDesk

log = logging.getLogger(__name__)


def missed_notice(count: int) -> str:
    return QCoreApplication.translate(
        "window",
        "Scheduled posts that missed their time while Pantau was closed: %n. They wait in "
        "the Scheduled column.",
        "",
        count,
    )


GEOMETRY_KEY = "window.geometry"
STATE_KEY = "window.state"


class MainWindow(QMainWindow):
    """Builds the deck from the store's column list and writes it back when it changes."""

    def __init__(
        self,
        *,
        store: Store,
        services: Services | None,
        settings: Settings,
        bridge: MessageBridge,
        avatars: AvatarCache | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`services` is None for the demo deck, which never touches a network."""
        super().__init__(parent)
        self._store = store
        self._services = services
        self._sync = services.sync if services else None
        self._sender = services.sender if services else None
        self._scheduler = services.scheduler if services else None
        self._local_queue: asyncio.Task[None] | None = None
        self._reach_task: asyncio.Task[None] | None = None
        self.missed_box: QMessageBox | None = None
        self._avatars = avatars
        self._settings = settings
        self._bridge = bridge
        self._demo = services is None
        self._accounts: list[Account] = store.accounts()
        self._controllers: dict[int, ColumnController] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._changed_keys: set[str] = set()
        self._accounts_dialog: AccountsDialog | None = None
        self.setObjectName("main-window")
        title = "Pantau"
        if self._demo:
            title += " — " + QCoreApplication.translate("window", "Demo")
        self.setWindowTitle(title)
        self.setWindowIcon(icon("pantau"))
        self.resize(1400, 860)

        self.deck = Deck(self)
        self.deck.order_changed.connect(self.save_layout)
        self.deck.add_column_requested.connect(self.add_column)
        self.deck.add_account_requested.connect(self.show_accounts)
        self.deck.demo_requested.connect(self._open_demo)
        self.setCentralWidget(self.deck)
        self.triage = self._build_triage()
        self._build_toolbar()
        self.compose_dock = self._build_compose_dock()
        self.notice = self._build_status_bar()
        bridge.shown.connect(self._show_notice)
        # Bursts of store changes become one update per loop turn.
        self._change_timer = self._timer(0, self._apply_changes, single_shot=True)
        store.add_listener(self._store_changed)
        self._minute = self._timer(60_000, self._tick)
        self._minute.start()

        for state in store.columns():
            self._add_view(state)
        self._restore_geometry()
        self._offline_feeds: set[str] = set()
        self._offline_shown = False
        settings.on_changed(self._setting_changed)
        if self._sync is not None:
            self._sync.add_listener(self._sync_result)
        bridge.flush()

    # --- building -------------------------------------------------------------------------

    def _build_compose_dock(self) -> QDockWidget:
        dock = QDockWidget(QCoreApplication.translate("window", "Compose"), self)
        dock.setObjectName("compose-dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()
        return dock

    def _build_status_bar(self) -> QLabel:
        notice = QLabel(self)
        notice.setObjectName("notice")
        self.statusBar().addWidget(notice, 1)
        if self._demo:
            demo_label = QLabel(
                QCoreApplication.translate(
                    "window", "Demo data: nothing is sent or fetched from the networks."
                ),
                self,
            )
            self.statusBar().addPermanentWidget(demo_label)
        return notice

    def _timer(self, msec: int, slot: Callable[[], None], *, single_shot: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single_shot)
        timer.setInterval(msec)
        timer.timeout.connect(slot)
        return timer

    def _build_toolbar(self) -> None:
        bar = QToolBar(QCoreApplication.translate("window", "Main toolbar"), self)
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        actions = (
            # "n" alone as in TweetDeck; text fields keep their own letters.
            (
                "compose",
                QCoreApplication.translate("window", "New post"),
                self.new_post,
                "Ctrl+N|N",
            ),
            (
                "add",
                QCoreApplication.translate("window", "Add column"),
                self.add_column,
                "Ctrl+Shift+N",
            ),
            ("accounts", QCoreApplication.translate("window", "Accounts"), self.show_accounts, ""),
            (
                "reply",
                QCoreApplication.translate("window", "Saved replies"),
                self.show_saved_replies,
                "",
            ),
            (
                "refresh",
                QCoreApplication.translate("window", "Refresh all"),
                self.refresh_all,
                "F5",
            ),
            ("settings", QCoreApplication.translate("window", "Settings"), self.show_settings, ""),
        )
        for icon_name, text, slot, shortcut in actions:
            action = QAction(icon(icon_name), text, self)
            if shortcut:
                action.setShortcuts([QKeySequence(k) for k in shortcut.split("|")])
            action.triggered.connect(slot)
            bar.addAction(action)
        bar.insertWidget(bar.actions()[-1], self._build_triage_button(bar))

    def _build_triage(self) -> TriageDesk:
        triage.seed_defaults(self._store)
        desk = TriageDesk(self._store, self._settings, window=self)
        desk.reply_requested.connect(self.reply_to_case)
        desk.open_requested.connect(self.open_link)
        desk.problem.connect(self._bridge.warning)
        return desk

    def _build_triage_button(self, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName("triage-menu")
        button.setIcon(icon("inbox"))
        button.setText(QCoreApplication.translate("window", "Triage"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addAction(
            QCoreApplication.translate("window", "Monthly report…"), self.triage.show_report
        )
        menu.addAction(
            QCoreApplication.translate("window", "Agencies, topics and holidays…"),
            self.triage.edit_lists,
        )
        button.setMenu(menu)
        return button

    def _add_view(self, state: ColumnState, slot: int | None = None) -> ColumnView:
        controller = ColumnController(
            state=state,
            store=self._store,
            sync=self._sync,
            markers=self._services.markers if self._services else None,
            accounts=lambda: self._accounts,
            parent=self,
        )
        assert state.spec.id is not None
        self._controllers[state.spec.id] = controller
        view = ColumnView(controller, self.deck, avatars=self._avatars)
        view.close_requested.connect(self.remove_column)
        view.settings_requested.connect(self.edit_column)
        view.sign_in_requested.connect(self.sign_in_again)
        view.thread_requested.connect(self.open_thread)
        view.delegate.open_requested.connect(self.open_link)
        view.delegate.reply_requested.connect(
            lambda entry, c=controller: self.reply_to(entry, c.account())
        )
        view.delegate.action_requested.connect(self._row_action)
        view.case_requested.connect(self.triage.step)
        controller.refreshed.connect(self._column_refreshed)
        controller.model.fetchMore()
        self.deck.add(view, slot)
        return view

    # --- layout persistence ---------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._store.setting(GEOMETRY_KEY)
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))

    def restore_scroll_positions(self) -> None:
        """Called once the window is shown and laid out."""
        for state in self._store.columns():
            view = self.deck.column(state.spec.id or 0)
            if view is not None:
                view.restore_scroll(state.scroll_entry, state.scroll_offset)

    def layout_states(self) -> list[ColumnState]:
        states = []
        for position, view in enumerate(self.deck.columns()):
            entry_id, offset = view.scroll_anchor()
            states.append(
                ColumnState(view.controller.spec, position, view.width(), entry_id, offset)
            )
        return states

    def save_layout(self) -> None:
        states = self.layout_states()
        self._store.save_layout(states)
        for state in states:
            assert state.spec.id is not None
            self._controllers[state.spec.id].set_state(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self._store.set_setting(GEOMETRY_KEY, bytes(self.saveGeometry().toHex().data()).decode())
        for controller in self._controllers.values():
            controller.close()
        for task in self._tasks:
            task.cancel()
        self._store.remove_listener(self._store_changed)
        super().closeEvent(event)

    # --- columns --------------------------------------------------------------------------

    def add_column(self) -> None:
        dialog = AddColumnDialog(self._accounts, parent=self)
        if dialog.exec() != AddColumnDialog.DialogCode.Accepted:
            return
        spec = dialog.spec()
        if spec is None:
            return
        self.save_layout()
        state = self._store.add_column(spec)
        view = self._add_view(state)
        QTimer.singleShot(0, view, lambda: self.deck.reveal(view.column_id))
        self._update_wanted()
        view.controller.refresh()

    def edit_column(self, column_id: int) -> None:
        controller = self._controllers.get(column_id)
        if controller is None:
            return
        dialog = AddColumnDialog(self._accounts, current=controller.spec, parent=self)
        if dialog.exec() != AddColumnDialog.DialogCode.Accepted:
            return
        spec = dialog.spec()
        if spec is None:
            return
        new_spec = ColumnSpec(spec.kind, spec.account_id, spec.options, column_id)
        self._store.update_column_spec(column_id, new_spec)
        controller.set_spec(new_spec)
        self._update_wanted()
        controller.refresh()

    def remove_column(self, column_id: int) -> None:
        controller = self._controllers.pop(column_id, None)
        if controller is not None:
            controller.close()
        view = self.deck.remove(column_id)
        if view is not None:
            view.deleteLater()
        self._store.remove_column(column_id)
        self.save_layout()
        self._update_wanted()

    def refresh_all(self) -> None:
        for controller in self._controllers.values():
            controller.refresh()
        self.refresh_scheduled()

    def _column_refreshed(self) -> None:
        self._update_offline_notice()

    def wanted_feeds(self) -> list[FeedSpec]:
        """Every feed some open column reads; sync keeps exactly these fresh."""
        feeds: dict[str, FeedSpec] = {}
        for controller in self._controllers.values():
            kind = controller.kind
            if kind is not None:
                feeds.update((f.key, f) for f in kind.feeds(controller.spec, self._accounts))
        return list(feeds.values())

    def _update_wanted(self) -> None:
        if self._sync is not None:
            self._sync.set_wanted(self.wanted_feeds())

    def _sync_result(self, key: str, error: ProviderError | None) -> None:
        for controller in self._controllers.values():
            controller.feed_result(key, error)
        if isinstance(error, Offline):
            self._offline_feeds.add(key)
        else:
            self._offline_feeds.discard(key)
        self._update_offline_notice()

    def _update_offline_notice(self) -> None:
        offline = bool(self._offline_feeds) or any(
            isinstance(c.last_error, Offline) for c in self._controllers.values()
        )
        if offline:
            self._show_notice(
                int(Level.WARNING),
                QCoreApplication.translate(
                    "window", "No connection: showing cached posts. Pantau keeps trying."
                ),
            )
            self._offline_shown = True
        elif self._offline_shown:
            self._offline_shown = False
            self._show_notice(
                int(Level.INFO), QCoreApplication.translate("window", "Connected again.")
            )

    def _setting_changed(self, name: str) -> None:
        if name == "timezone":
            set_office_zone(self._settings.get("timezone"))
            self.triage.refresh_calendar()
            self._tick()  # scheduled times are shown in the new zone at once
        if name == "refresh_minutes" and self._sync is not None:
            minutes = int(self._settings.get("refresh_minutes"))
            self._sync.set_interval(timedelta(minutes=minutes))

    # --- store changes --------------------------------------------------------------------

    def _store_changed(self, keys: frozenset[str]) -> None:
        self._changed_keys |= keys
        self._change_timer.start()

    def _apply_changes(self) -> None:
        keys, self._changed_keys = self._changed_keys, set()
        if SCHEDULED_CHANGED in keys and self._scheduler is not None:
            self._scheduler.wake()
        if ACCOUNTS_CHANGED in keys:
            self._accounts = self._store.accounts()
            self._update_wanted()
        for view in self.deck.columns():
            controller = view.controller
            kind = controller.kind
            if kind is None:
                continue
            if controller.feed_keys() & keys:
                controller.take_in()
            if kind.store_keys & keys:
                controller.model.resync()  # its own rows changed anywhere in the list
                view.update_header()
            elif controller.feed_keys() & keys:
                controller.model.merge_newer()
                view.update_header()

    def _tick(self) -> None:
        for view in self.deck.columns():
            view.controller.model.refresh_times()
            view.update_header()

    # --- accounts and settings ------------------------------------------------------------

    def show_saved_replies(self) -> None:
        dialog = SavedRepliesDialog(self._store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_accounts(self) -> None:
        networks = () if self._demo else registered_networks()
        dialog = AccountsDialog(self._accounts, networks=networks, parent=self)
        dialog.remove_requested.connect(
            lambda account_id, purge: self._spawn(self._remove_account(account_id, purge))
        )
        dialog.add_requested.connect(lambda network: self._add_account(Network(network)))
        # open(), not exec(): sign-in runs as tasks on the app's loop while this is shown
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._accounts_dialog_closed)
        self._accounts_dialog = dialog
        dialog.open()

    def _accounts_dialog_closed(self) -> None:
        self._accounts_dialog = None

    def _add_account(self, network: Network) -> None:
        self._open_sign_in(network, None, parent=self._accounts_dialog or self)

    def sign_in_again(self, account_id: str) -> None:
        """A revoked or expired sign-in: the same dialog, with what is known filled in."""
        account = self._store.account(account_id)
        if account is not None:
            self._open_sign_in(account.network, account, parent=self)

    def _open_sign_in(self, network: Network, account: Account | None, *, parent: QWidget) -> None:
        dialog: SignInDialog
        if network is Network.MASTODON:
            server = account.server if account is not None else ""
            dialog = MastodonSignInDialog(store=self._store, server=server, parent=parent)
        elif network is Network.BLUESKY:
            dialog = BlueskySignInDialog(store=self._store, account=account, parent=parent)
        else:
            # X sign-in arrives with its provider (issue 6).
            self._bridge.info(
                QCoreApplication.translate(
                    "window", "Sign-in for this network is not available yet."
                )
            )
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.account_added.connect(self._account_added)
        dialog.show()

    def _account_added(self, account: Account) -> None:
        self._accounts = self._store.accounts()
        if self._sync is not None:
            self._sync.resume(account.id)  # a new sign-in lifts an earlier "sign in again"
        self._update_wanted()
        if self._accounts_dialog is not None:
            self._accounts_dialog.set_accounts(self._accounts)
        self._bridge.info(
            QCoreApplication.translate(
                "window", "%1 was added. Add columns for it with Add column."
            ).replace("%1", account.label)
        )

    async def _remove_account(self, account_id: str, purge: bool) -> None:
        account = self._store.account(account_id)
        label = account.label if account else account_id
        if self._services is not None:
            try:
                await credentials.forget_secret(account_id)
            except credentials.KeyringUnavailable:
                # With no password store there is no secret to delete, so removal goes on.
                log.info("no keyring while removing %s", account_id)
            except credentials.CredentialsError as exc:
                self._bridge.error(describe(exc, label))  # a locked store: the token stays
                return
            await self._services.providers.forget(account_id)
        for column_id, controller in list(self._controllers.items()):
            if controller.spec.account_id == account_id:
                self.remove_column(column_id)
        self._store.remove_account(account_id, purge=purge)
        self._accounts = self._store.accounts()
        if self._accounts_dialog is not None:
            self._accounts_dialog.set_accounts(self._accounts)
        self._bridge.info(
            QCoreApplication.translate("window", "%1 was removed.").replace("%1", label)
        )

    def show_settings(self) -> None:
        SettingsDialog(self._settings, parent=self).exec()

    # --- post actions ---------------------------------------------------------------------

    def open_link(self, url: str) -> None:
        """Only web links leave the app; anything else is refused in plain words."""
        qurl = QUrl(url)
        if qurl.scheme() not in ("http", "https") or not qurl.isValid():
            self._bridge.warning(
                QCoreApplication.translate(
                    "window", "This link was not opened: it is not a web address."
                )
            )
            return
        QDesktopServices.openUrl(qurl)

    def reply_to(self, entry: Entry, column_account: Account | None = None) -> None:
        """Reply from the column's account (or, in an all-accounts column, the account that
        saw the post); a conversation's reply stays in it."""
        account = column_account or self._store.account(entry.post.account_id)
        if account is None:
            self._bridge.warning(
                QCoreApplication.translate(
                    "window", "The account that received this post was removed."
                )
            )
            return
        conversation = ""
        if entry.kind is EntryKind.CONVERSATION:
            conversation = self._store.conversation_remote_id(entry.entry_id) or ""
        self._compose(self._repliers(account, entry), ReplyTarget(entry, conversation))

    def _repliers(self, account: Account, entry: Entry) -> list[Account]:
        """The replying account first, then the others that could answer the same post if
        the admin changes it explicitly: the same network and, on Mastodon, whose post ids
        are the same, i.e. the same server. A conversation stays with its own account."""
        if entry.kind is EntryKind.CONVERSATION:
            return [account]
        others = [
            a for a in self._accounts
            if a.id != account.id and a.network is account.network
            and (a.network is not Network.MASTODON or a.server == account.server)
        ]  # fmt: skip
        return [account, *others]

    def reply_to_case(self, case: Case) -> None:
        """Answer a citizen's report from the office account that received it; the case
        is marked answered when the reply is sent (see OutboxSender)."""
        account = self._store.account(case.account_id)
        if account is None:
            self._bridge.warning(
                QCoreApplication.translate(
                    "window", "The account that received this report was removed."
                )
            )
            return
        post = self._store.case_post(case)
        target = ReplyTarget(Entry(0, case.id, post), case.conversation_id)
        self._compose([account], target)

    def _row_action(self, name: str, entry: Entry) -> None:
        if entry.kind is EntryKind.CASE:
            self.triage.step(name, [entry])
            return
        if name not in ("change", "send", "cancel"):
            return
        if self._scheduler is None:
            self._bridge.info(
                QCoreApplication.translate("window", "Demo: scheduled posts are not changed.")
            )
            return
        if name == "send":
            post = self._store.scheduled_post(entry.entry_id)
            if post is not None:
                self._spawn(self._send_now([post]))
            return
        if name == "cancel":
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("window", "Cancel scheduled post"),
                QCoreApplication.translate(
                    "window", "Cancel this scheduled post? It will not be published."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._spawn(self._change_scheduled(self._scheduler.cancel(entry.entry_id)))
            return
        dialog = ScheduleEditDialog(
            entry.scheduled_at or entry.post.created_at, entry.post.text, self
        )
        if dialog.exec() == ScheduleEditDialog.DialogCode.Accepted:
            change = self._scheduler.change(entry.entry_id, text=dialog.text(), at=dialog.chosen())
            self._spawn(self._change_scheduled(change))

    async def _change_scheduled(self, change: Coroutine[Any, Any, object]) -> None:
        try:
            await change
        except ProviderError as exc:
            account = self._store.account(exc.account_id)
            self._bridge.error(describe(exc, account.label if account else ""))

    def start_reach_sampling(self) -> None:
        """Sample the office accounts' followers and own posts once a day (the report)."""
        if self._services is not None and self._reach_task is None:
            sampler = ReachSampler(
                store=self._store,
                providers=self._services.providers,
                zone=lambda: triage.office_zone(self._settings),
            )
            self._reach_task = asyncio.ensure_future(sampler.run(lambda: self._accounts))

    def start_local_queue(self) -> None:
        """Send Pantau's own scheduled posts (Bluesky, X) at their time while it runs."""
        if self._scheduler is not None and self._local_queue is None:
            self._local_queue = asyncio.ensure_future(self._scheduler.run_local(self._local_report))

    async def aclose(self) -> None:
        """Stop the background work the window owns (the app calls this before exit)."""
        for task in (self._local_queue, self._reach_task):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        self._local_queue = self._reach_task = None

    def _local_report(self, report: DueReport) -> None:
        for post in report.sent:
            account = self._store.account(post.account_id)
            self._bridge.info(
                QCoreApplication.translate("window", "Scheduled post of %1 sent.").replace(
                    "%1", account.label if account else ""
                )
            )
        for post, exc in report.failed:
            account = self._store.account(post.account_id)
            self._bridge.warning(describe(exc, account.label if account else "", sending=True))
        if report.missed:
            self._missed(list(report.missed))

    def _missed(self, posts: list[ScheduledPost]) -> None:
        """Posts whose time passed while Pantau was closed: never sent silently in bulk."""
        policy = self._settings.get("missed_posts")
        if policy == "send":
            self._spawn(self._send_now(posts))
            return
        if policy == "hold":
            self._bridge.warning(missed_notice(len(posts)))
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("window", "Scheduled posts missed"))
        box.setText(missed_notice(len(posts)))
        box.setDetailedText(
            "\n\n".join(f"{absolute_time(p.scheduled_at)} · {p.text}" for p in posts)
        )
        send = box.addButton(
            QCoreApplication.translate("window", "Send now"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(
            QCoreApplication.translate("window", "Cancel them"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("window", "Decide later"), QMessageBox.ButtonRole.RejectRole
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            clicked = box.clickedButton()
            if clicked is send:
                self._spawn(self._send_now(posts))
            elif clicked is cancel:
                self._spawn(self._cancel_missed(posts))

        box.finished.connect(chosen)
        self.missed_box = box
        box.open()

    async def _send_now(self, posts: list[ScheduledPost]) -> None:
        if self._scheduler is None:
            return
        for post in posts:
            outcome = await self._scheduler.send_now(post.id)
            self._local_report(
                DueReport(failed=((post, outcome),))
                if isinstance(outcome, ProviderError)
                else DueReport(sent=(outcome,))
            )

    async def _cancel_missed(self, posts: list[ScheduledPost]) -> None:
        if self._scheduler is not None:
            for post in posts:
                await self._change_scheduled(self._scheduler.cancel(post.id))

    def refresh_scheduled(self) -> None:
        if self._scheduler is not None:
            self._spawn(self._refresh_scheduled(self._scheduler))

    async def _refresh_scheduled(self, scheduler: Scheduler) -> None:
        errors = await scheduler.refresh([a.id for a in self._accounts])
        for account_id, exc in errors.items():
            account = self._store.account(account_id)
            log.info("scheduled queue of %s: %s", account_id, exc)
            if not isinstance(exc, Offline):
                self._bridge.warning(describe(exc, account.label if account else ""))

    def open_thread(self, entry: Entry) -> None:
        account = self._store.account(entry.post.account_id)
        conversation = self._store.conversation_remote_id(entry.entry_id)
        if account is None or conversation is None:
            return
        dialog = ThreadDialog(
            entry,
            account,
            conversation_id=conversation,
            store=self._store,
            providers=self._services.providers if self._services else None,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reply_requested.connect(self.reply_to)
        dialog.open_requested.connect(self.open_link)
        dialog.show()

    def new_post(self) -> None:
        if not self._accounts:
            self._bridge.info(
                QCoreApplication.translate("window", "Add an account first, then write a post.")
            )
            return
        self._compose(self._accounts, None)

    def _compose(self, accounts: list[Account], reply: ReplyTarget | None) -> None:
        """One compose at a time in the side panel (like TweetDeck), or a window each,
        as the admin chose (setting compose_docked, switched from the compose itself)."""
        docked = self._settings.get("compose_docked") == "yes"
        if docked:
            self._close_docked()
        dialog = ComposeDialog(
            store=self._store,
            sender=self._sender,
            accounts=accounts,
            reply=reply,
            parent=self.compose_dock if docked else self,
        )
        dialog.sent.connect(lambda result: self._bridge.info(sent_message(result)))
        dialog.placement_requested.connect(
            lambda dock: self._move_compose(dialog, accounts, reply, dock)
        )
        if docked:
            dialog.setWindowFlags(Qt.WindowType.Widget)
            dialog.set_docked(True)
            dialog.finished.connect(lambda _result: self._docked_done(dialog))
            self.compose_dock.setWidget(dialog)
            self.compose_dock.show()
            dialog.show()
            dialog.editor.setFocus()
        else:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    def _close_docked(self) -> None:
        current = self.compose_dock.widget()
        if isinstance(current, ComposeDialog):
            current.reject()  # saves its draft

    def _docked_done(self, dialog: ComposeDialog) -> None:
        if self.compose_dock.widget() is dialog:
            self.compose_dock.hide()
        dialog.deleteLater()

    def _move_compose(
        self,
        dialog: ComposeDialog,
        accounts: list[Account],
        reply: ReplyTarget | None,
        docked: bool,
    ) -> None:
        self._settings.set("compose_docked", "yes" if docked else "no")
        dialog.reject()
        self._compose(accounts, reply)

    def _open_demo(self) -> None:
        QProcess.startDetached(sys.executable, ["-m", "app", "--demo"])

    # --- notices and tasks ----------------------------------------------------------------

    def _show_notice(self, level: int, text: str) -> None:
        colors = {Level.INFO: "palette(text)", Level.WARNING: "#B54708", Level.ERROR: "#B42318"}
        self.notice.setStyleSheet(f"color: {colors.get(Level(level), 'palette(text)')};")
        self.notice.setText(text)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
