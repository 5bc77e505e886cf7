"""The main window's scheduled posts: a row's change, send and cancel; Pantau's own queue
(Bluesky, X) and what it reports; posts missed while Pantau was closed; the servers'
scheduled queues."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from app.model import Entry, ScheduledPost
from app.providers.base import Offline, ProviderError
from app.scheduler import DueReport, Scheduler
from app.ui.errors import describe
from app.ui.schedule_edit_dialog import ScheduleEditDialog
from app.ui.timefmt import absolute_time
from app.ui.window_part import WindowContext, WindowPart

log = logging.getLogger(__name__)


def missed_notice(count: int) -> str:
    return QCoreApplication.translate(
        "window",
        "Scheduled posts that missed their time while Pantau was closed: %n. They wait in "
        "the Scheduled column.",
        "",
        count,
    )


class ScheduleActions(WindowPart):
    """Owns the local send queue and the missed-posts question of one main window."""

    def __init__(self, context: WindowContext, *, scheduler: Scheduler | None) -> None:
        """`scheduler` is None for the demo deck, which never touches a network."""
        super().__init__(context)
        self._scheduler = scheduler
        self._local_queue: asyncio.Task[None] | None = None
        self.missed_box: QMessageBox | None = None

    def row_action(self, name: str, entry: Entry) -> None:
        """A scheduled row's button: change, send (now) or cancel."""
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
                self._window,
                QCoreApplication.translate("window", "Cancel scheduled post"),
                QCoreApplication.translate(
                    "window", "Cancel this scheduled post? It will not be published."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._spawn(self._change_scheduled(self._scheduler.cancel(entry.entry_id)))
            return
        dialog = ScheduleEditDialog(
            entry.scheduled_at or entry.post.created_at, entry.post.text, self._window
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

    def start_local_queue(self) -> None:
        """Send Pantau's own scheduled posts (Bluesky, X) at their time while it runs."""
        if self._scheduler is not None and self._local_queue is None:
            self._local_queue = asyncio.ensure_future(self._scheduler.run_local(self._local_report))

    async def aclose(self) -> None:
        """Stop the local queue (the window calls this from its own aclose)."""
        if self._local_queue is not None:
            self._local_queue.cancel()
            await asyncio.gather(self._local_queue, return_exceptions=True)
        self._local_queue = None

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
        box = QMessageBox(self._window)
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
        errors = await scheduler.refresh([a.id for a in self._accounts()])
        for account_id, exc in errors.items():
            account = self._store.account(account_id)
            log.info("scheduled queue of %s: %s", account_id, exc)
            if not isinstance(exc, Offline):
                self._bridge.warning(describe(exc, account.label if account else ""))
