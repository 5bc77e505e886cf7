"""The main window: toolbar, the deck of columns, the status line; keeps the layout.

Jobs of its own live in helpers it owns: window_bars (toolbar, status line), compose_dock
(new posts and replies), account_flows (accounts and sign-in), schedule_actions
(scheduled posts)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QProcess, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from app import triage
from app.model import Account, Case, ColumnSpec, ColumnState, Entry, EntryKind, FeedSpec
from app.providers.base import Offline, ProviderError
from app.reach import ReachSampler
from app.services import Services
from app.settings import Settings
from app.store import ACCOUNTS_CHANGED, SCHEDULED_CHANGED, Store
from app.ui.account_flows import AccountFlows
from app.ui.add_column_dialog import AddColumnDialog
from app.ui.avatars import AvatarCache
from app.ui.column_controller import ColumnController
from app.ui.column_view import ColumnView
from app.ui.compose_dock import ComposeDock
from app.ui.deck import Deck
from app.ui.icons import icon
from app.ui.messages import MessageBridge
from app.ui.saved_replies_dialog import SavedRepliesDialog
from app.ui.schedule_actions import ScheduleActions
from app.ui.settings_dialog import SettingsDialog
from app.ui.thread_dialog import ThreadDialog
from app.ui.timefmt import set_office_zone
from app.ui.triage_desk import TriageDesk
from app.ui.window_bars import StatusLine, build_toolbar
from app.ui.window_part import WindowContext

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
        self._reach_task: asyncio.Task[None] | None = None
        self._avatars = avatars
        self._settings = settings
        self._bridge = bridge
        self._demo = services is None
        self._accounts: list[Account] = store.accounts()
        self._controllers: dict[int, ColumnController] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._changed_keys: set[str] = set()
        context = WindowContext(self, store, settings, bridge, lambda: self._accounts, self._spawn)
        self._account_flows = AccountFlows(
            context,
            services=services,
            reload_accounts=self._reload_accounts,
            remove_columns_of=self._remove_columns_of,
            update_wanted=self._update_wanted,
        )
        self._schedule = ScheduleActions(context, scheduler=self._scheduler)
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
        build_toolbar(
            self,
            self.triage,
            new_post=self.new_post,
            add_column=self.add_column,
            show_accounts=self.show_accounts,
            show_saved_replies=self.show_saved_replies,
            refresh_all=self.refresh_all,
            show_settings=self.show_settings,
        )
        # The sender is read at each compose: a test swaps it.
        self._composer = ComposeDock(context, sender=lambda: self._sender)
        self.compose_dock = self._composer.dock
        self._status = StatusLine(
            self,
            demo=self._demo,
            columns_offline=lambda: any(
                isinstance(c.last_error, Offline) for c in self._controllers.values()
            ),
        )
        self.notice = self._status.notice
        bridge.shown.connect(self._status.show_notice)
        # Bursts of store changes become one update per loop turn.
        self._change_timer = self._timer(0, self._apply_changes, single_shot=True)
        store.add_listener(self._store_changed)
        self._minute = self._timer(60_000, self._tick)
        self._minute.start()

        for state in store.columns():
            self._add_view(state)
        self._restore_geometry()
        settings.on_changed(self._setting_changed)
        if self._sync is not None:
            self._sync.add_listener(self._sync_result)
        bridge.flush()

    # --- building -------------------------------------------------------------------------

    def _timer(self, msec: int, slot: Callable[[], None], *, single_shot: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single_shot)
        timer.setInterval(msec)
        timer.timeout.connect(slot)
        return timer

    def _build_triage(self) -> TriageDesk:
        triage.seed_defaults(self._store)
        desk = TriageDesk(self._store, self._settings, window=self)
        desk.reply_requested.connect(self.reply_to_case)
        desk.open_requested.connect(self.open_link)
        desk.problem.connect(self._bridge.warning)
        return desk

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
        controller.refreshed.connect(self._status.update_offline_notice)
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
        self._status.feed_result(key, error)

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
        self._account_flows.show_accounts()

    def sign_in_again(self, account_id: str) -> None:
        """A revoked or expired sign-in: the same dialog, with what is known filled in."""
        self._account_flows.sign_in_again(account_id)

    def _reload_accounts(self) -> list[Account]:
        self._accounts = self._store.accounts()
        return self._accounts

    def _remove_columns_of(self, account_id: str) -> None:
        for column_id, controller in list(self._controllers.items()):
            if controller.spec.account_id == account_id:
                self.remove_column(column_id)

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
        self._composer.reply_to(entry, column_account)

    def reply_to_case(self, case: Case) -> None:
        """Answer a citizen's report from the office account that received it."""
        self._composer.reply_to_case(case)

    def _row_action(self, name: str, entry: Entry) -> None:
        if entry.kind is EntryKind.CASE:
            self.triage.step(name, [entry])
            return
        self._schedule.row_action(name, entry)

    @property
    def missed_box(self) -> QMessageBox | None:
        """The open question about missed scheduled posts, if any (see ScheduleActions)."""
        return self._schedule.missed_box

    def start_local_queue(self) -> None:
        """Send Pantau's own scheduled posts (Bluesky, X) at their time while it runs."""
        self._schedule.start_local_queue()

    def refresh_scheduled(self) -> None:
        self._schedule.refresh_scheduled()

    def start_reach_sampling(self) -> None:
        """Sample the office accounts' followers and own posts once a day (the report)."""
        if self._services is not None and self._reach_task is None:
            sampler = ReachSampler(
                store=self._store,
                providers=self._services.providers,
                zone=lambda: triage.office_zone(self._settings),
            )
            self._reach_task = asyncio.ensure_future(sampler.run(lambda: self._accounts))

    async def aclose(self) -> None:
        """Stop the background work the window owns (the app calls this before exit)."""
        await self._schedule.aclose()
        if self._reach_task is not None:
            self._reach_task.cancel()
            await asyncio.gather(self._reach_task, return_exceptions=True)
        self._reach_task = None

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
        self._composer.new_post()

    def _open_demo(self) -> None:
        QProcess.startDetached(sys.executable, ["-m", "app", "--demo"])

    # --- tasks ----------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
