"""One case opened from the inbox: the citizen's post and what led to it, its status,
agency, colleague and topics (changed at once, each change in the history), internal notes
and the history. A note being typed is kept in the store, so a crash does not lose it."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.model import Case, CaseStatus, Post
from app.sanitize import sanitize_html
from app.store import Store, StoreError
from app.store_triage import CaseChange
from app.triage_lists import suggest_topics
from app.ui import casefmt
from app.ui.timefmt import absolute_time, office_date

NOTE_DRAFT = "triage.note_draft.{}"
"""The store setting that keeps a case's unsent note while it is typed."""


class CaseDialog(QDialog):
    """Edits apply as they are made; there is nothing to save and nothing to lose."""

    reply_requested = Signal(object)
    open_requested = Signal(str)

    def __init__(
        self,
        case: Case,
        *,
        store: Store,
        actor: str,
        clock: Callable[[], datetime],
        due_rules: Callable[[Case], datetime | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._actor = actor
        self._clock = clock
        self._due_of = due_rules
        self._case = case
        self._updating = False
        self.setWindowTitle(
            QCoreApplication.translate("case", "Case #%1 · %2")
            .replace("%1", str(case.id))
            .replace("%2", case.author_name or case.author_handle)
        )
        self.resize(620, 720)
        layout = QVBoxLayout(self)
        self._build_post(layout)
        layout.addLayout(self._build_form(case))
        self._build_notes(layout)
        layout.addLayout(self._build_buttons())
        self._show_post()
        self.show_case(case)

    def _build_post(self, layout: QVBoxLayout) -> None:
        self.post_view = QTextBrowser(self)
        self.post_view.setOpenLinks(False)
        self.post_view.anchorClicked.connect(lambda url: self.open_requested.emit(url.toString()))
        self.post_view.setMinimumHeight(140)
        layout.addWidget(self.post_view, 1)

        self.deadline = QLabel(self)
        self.deadline.setObjectName("deadline")
        layout.addWidget(self.deadline)

    def _build_form(self, case: Case) -> QFormLayout:
        store = self._store
        form = QFormLayout()
        self.status_box = QComboBox(self)
        for status in CaseStatus:
            self.status_box.addItem(casefmt.status_name(status), status.value)
        self.status_box.currentIndexChanged.connect(self._status_picked)
        form.addRow(QCoreApplication.translate("case", "Status:"), self.status_box)
        self.agency_box = QComboBox(self)
        self.agency_box.setEditable(True)
        self.agency_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._agency_names = {a.code: a.name for a in store.agencies()}
        self.agency_box.addItem(QCoreApplication.translate("case", "(not assigned)"), "")
        for agency in store.agencies():
            if agency.active or agency.code == case.agency_code:
                self.agency_box.addItem(f"{agency.code} · {agency.name}", agency.code)
        completer = self.agency_box.completer()
        if completer is not None:  # type-ahead on any part: "bina" finds DPUBM
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.agency_box.activated.connect(self._agency_picked)
        form.addRow(QCoreApplication.translate("case", "Agency:"), self.agency_box)
        self.assignee_edit = QLineEdit(self)
        self.assignee_edit.setPlaceholderText(
            QCoreApplication.translate("case", "Name of the colleague following it up")
        )
        self.assignee_edit.editingFinished.connect(self._assignee_done)
        form.addRow(QCoreApplication.translate("case", "Colleague:"), self.assignee_edit)
        self.topic_list = QListWidget(self)
        self.topic_list.setMaximumHeight(96)
        self.topic_list.itemChanged.connect(self._topics_changed)
        form.addRow(QCoreApplication.translate("case", "Topics:"), self.topic_list)
        self.suggestion = QPushButton(self)
        self.suggestion.setFlat(True)
        self.suggestion.setStyleSheet("text-align: left; color: #0F766E;")
        self.suggestion.clicked.connect(self._take_suggestion)
        form.addRow("", self.suggestion)
        return form

    def _build_notes(self, layout: QVBoxLayout) -> None:
        store, case = self._store, self._case
        layout.addWidget(QLabel(QCoreApplication.translate("case", "Internal note:"), self))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate(
                "case", "Only your office sees notes; they are never posted."
            )
        )
        self.note_edit.setMaximumHeight(80)
        self.note_edit.setPlainText(store.setting(NOTE_DRAFT.format(case.id)) or "")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(400)
        self._note_timer.timeout.connect(self._keep_note_draft)
        self.note_edit.textChanged.connect(self._note_timer.start)
        layout.addWidget(self.note_edit)
        note_row = QHBoxLayout()
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #B42318;")
        self.problem.setWordWrap(True)
        note_row.addWidget(self.problem, 1)
        self.add_note_button = QPushButton(QCoreApplication.translate("case", "Add note"), self)
        self.add_note_button.clicked.connect(self.add_note)
        note_row.addWidget(self.add_note_button)
        layout.addLayout(note_row)

        layout.addWidget(QLabel(QCoreApplication.translate("case", "History:"), self))
        self.history = QListWidget(self)
        self.history.setWordWrap(True)
        layout.addWidget(self.history, 1)

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.reply_button = QPushButton(QCoreApplication.translate("case", "Reply…"), self)
        self.reply_button.clicked.connect(self._reply)
        self.open_button = QPushButton(
            QCoreApplication.translate("case", "Open in browser"), self
        )
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self._case.url))
        close = QPushButton(QCoreApplication.translate("case", "Close"), self)
        close.clicked.connect(self.close)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    # --- what is shown ----------------------------------------------------------------

    @property
    def case(self) -> Case:
        return self._case

    def _show_post(self) -> None:
        case = self._case
        parts = []
        posts = self._thread()
        for post in posts:
            who = html.escape(post.author.display_name or post.author.handle)
            parts.append(
                f"<p style='color:#667085'><b>{who}</b> · {absolute_time(post.created_at)}</p>"
                f"<div style='color:#667085'>{sanitize_html(post.html)}</div><hr>"
            )
        who = html.escape(case.author_name or case.author_handle)
        handle = html.escape(case.author_handle)
        body = html.escape(case.text).replace("\n", "<br>")
        parts.append(
            f"<p><b>{who}</b> @{handle} · {absolute_time(case.posted_at)}</p><p>{body}</p>"
        )
        self.post_view.setHtml("".join(parts))
        self.open_button.setEnabled(case.url.startswith(("https://", "http://")))

    def _thread(self) -> list[Post]:
        """The cached posts the citizen's post answers (what they are complaining about)."""
        post = self._store.post_of_case(self._case)
        return self._store.posts_above(post) if post is not None else []

    def show_case(self, case: Case) -> None:
        self._case = case
        self._updating = True
        try:
            self.status_box.setCurrentIndex(self.status_box.findData(case.status.value))
            index = self.agency_box.findData(case.agency_code)
            if index < 0:  # a code no longer in the list keeps showing
                self.agency_box.addItem(case.agency_code, case.agency_code)
                index = self.agency_box.count() - 1
            self.agency_box.setCurrentIndex(index)
            self.assignee_edit.setText(case.assignee)
            self._fill_topics(case)
        finally:
            self._updating = False
        due = self._due_of(case)
        if due is None:
            self.deadline.setText(
                QCoreApplication.translate("case", "Received %1 · no deadline: %2")
                .replace("%1", absolute_time(case.received_at))
                .replace("%2", casefmt.status_name(case.status))
            )
            self.deadline.setStyleSheet("")
        else:
            text, warning = casefmt.due_text(due, self._clock())
            self.deadline.setText(
                QCoreApplication.translate("case", "Received %1 · due %2 (%3)")
                .replace("%1", absolute_time(case.received_at))
                .replace("%2", office_date(due))
                .replace("%3", text)
            )
            color = warning.name() if warning else "palette(text)"
            self.deadline.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.history.clear()
        for event in self._store.case_history(case.id):
            self.history.addItem(casefmt.history_line(event, self._agency_names))
        self.history.scrollToBottom()

    def _fill_topics(self, case: Case) -> None:
        self.topic_list.clear()
        known = [t.name for t in self._store.topics()]
        for name in [*known, *(t for t in case.topics if t not in known)]:
            item = QListWidgetItem(name, self.topic_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name in case.topics
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        suggested = [
            t for t in suggest_topics(case.text, self._store.topics()) if t.name not in case.topics
        ]
        self._suggested = suggested[0] if suggested else None
        if self._suggested is None:
            self.suggestion.hide()
            return
        topic = self._suggested
        text = QCoreApplication.translate("case", "Suggested: %1").replace("%1", topic.name)
        if topic.agency_code and not case.agency_code:
            agency = self._agency_names.get(topic.agency_code, topic.agency_code)
            text += " → " + agency
        self.suggestion.setText(text)
        self.suggestion.show()

    # --- changes ----------------------------------------------------------------------

    def apply(self, change: CaseChange) -> None:
        """Write one change; a store failure is shown here and the case shown as it is."""
        try:
            updated = self._store.update_case(
                self._case.id, change, actor=self._actor, now=self._clock()
            )
        except StoreError as exc:
            self.problem.setText(
                QCoreApplication.translate("case", "Could not save the change: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        self.problem.setText("")
        if updated is not None:
            self.show_case(updated)

    def _status_picked(self) -> None:
        if not self._updating:
            self.apply(CaseChange(status=CaseStatus(str(self.status_box.currentData()))))

    def _agency_picked(self) -> None:
        if not self._updating:
            self.apply(CaseChange(agency_code=str(self.agency_box.currentData() or "")))

    def _assignee_done(self) -> None:
        if not self._updating:
            self.apply(CaseChange(assignee=self.assignee_edit.text().strip()))

    def _topics_changed(self) -> None:
        if self._updating:
            return
        topics = tuple(
            self.topic_list.item(i).text()
            for i in range(self.topic_list.count())
            if self.topic_list.item(i).checkState() == Qt.CheckState.Checked
        )
        self.apply(CaseChange(topics=topics))

    def _take_suggestion(self) -> None:
        topic = self._suggested
        if topic is None:
            return
        agency = topic.agency_code if not self._case.agency_code else None
        known = agency is not None and agency in self._agency_names
        topics = (*self._case.topics, topic.name)
        self.apply(CaseChange(topics=topics, agency_code=agency if known else None))

    def add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text:
            self.problem.setText(QCoreApplication.translate("case", "Type the note first."))
            return
        try:
            self._store.add_case_note(self._case.id, text, actor=self._actor, now=self._clock())
            self._store.set_setting(NOTE_DRAFT.format(self._case.id), "")
        except StoreError as exc:
            self.problem.setText(
                QCoreApplication.translate("case", "Could not save the note: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        self._note_timer.stop()
        self.note_edit.clear()
        self.problem.setText("")
        refreshed = self._store.case(self._case.id)
        if refreshed is not None:
            self.show_case(refreshed)

    def focus_note(self) -> None:
        self.note_edit.setFocus()

    def _keep_note_draft(self) -> None:
        try:
            self._store.set_setting(
                NOTE_DRAFT.format(self._case.id), self.note_edit.toPlainText()
            )
        except StoreError as exc:
            self.problem.setText(str(exc))

    def _reply(self) -> None:
        self.reply_requested.emit(self._case)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._keep_note_draft()
        super().closeEvent(event)
