"""How cases read on screen: status names and colours, "2 hari kerja lagi" / "terlambat 1
hari kerja", history lines. The working-day calendar is the office's, set once like the
office time zone (see timefmt.set_office_zone) and again when its holidays change."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.model import CaseAction, CaseEvent, CaseStatus
from app.ui.timefmt import absolute_time
from app.workdays import WorkCalendar

OVERDUE = QColor("#B42318")
DUE_TODAY = QColor("#B54708")
STATUS_COLORS: dict[CaseStatus, QColor] = {
    CaseStatus.NEW: QColor("#1D4ED8"),
    CaseStatus.ASSIGNED: QColor("#7E22CE"),
    CaseStatus.ANSWERED: QColor("#0F766E"),
    CaseStatus.CLOSED: QColor("#475467"),
    CaseStatus.NOT_COMPLAINT: QColor("#667085"),
    CaseStatus.DUPLICATE: QColor("#667085"),
}

_calendar = WorkCalendar()


def set_calendar(calendar: WorkCalendar) -> None:
    global _calendar  # noqa: PLW0603 - one office calendar, like timefmt's office zone
    _calendar = calendar


def calendar() -> WorkCalendar:
    return _calendar


def status_name(status: CaseStatus) -> str:
    names = {
        CaseStatus.NEW: QCoreApplication.translate("case", "New"),
        CaseStatus.ASSIGNED: QCoreApplication.translate("case", "Assigned"),
        CaseStatus.ANSWERED: QCoreApplication.translate("case", "Answered"),
        CaseStatus.CLOSED: QCoreApplication.translate("case", "Closed"),
        CaseStatus.NOT_COMPLAINT: QCoreApplication.translate("case", "Not a complaint"),
        CaseStatus.DUPLICATE: QCoreApplication.translate("case", "Duplicate"),
    }
    return names[status]


def due_text(due: datetime, now: datetime) -> tuple[str, QColor | None]:
    """What is left until `due`, in working days, and the colour that warns (None: fine)."""
    left = _calendar.remaining(due, now)
    if left < 0:
        late = -left  # a plain variable: pyside6-lupdate skips calls with an expression
        text = QCoreApplication.translate("case", "%n working day(s) late", "", late)
        return text, OVERDUE
    if left == 0:
        return QCoreApplication.translate("case", "due today"), DUE_TODAY
    return QCoreApplication.translate("case", "%n working day(s) left", "", left), None


def is_overdue(due: datetime | None, now: datetime) -> bool:
    return due is not None and now > due


def history_line(event: CaseEvent, agency_names: dict[str, str]) -> str:
    """One line of a case's history: "Ani: status Baru → Ditugaskan"."""

    def agency(code: str) -> str:
        return agency_names.get(code, code) or QCoreApplication.translate("case", "none")

    def status(value: str) -> str:
        try:
            return status_name(CaseStatus(value))
        except ValueError:
            return value

    when = absolute_time(event.at)
    action = event.action
    if action == CaseAction.CREATED:
        what = QCoreApplication.translate("case", "received")
    elif action == CaseAction.STATUS:
        what = QCoreApplication.translate("case", "status %1 → %2")
        what = what.replace("%1", status(event.old)).replace("%2", status(event.new))
    elif action == CaseAction.AGENCY and not event.old:
        what = QCoreApplication.translate("case", "assigned to %1").replace(
            "%1", agency(event.new)
        )
    elif action == CaseAction.AGENCY:
        what = QCoreApplication.translate("case", "agency %1 → %2")
        what = what.replace("%1", agency(event.old)).replace("%2", agency(event.new))
    elif action == CaseAction.ASSIGNEE:
        what = QCoreApplication.translate("case", "colleague: %1").replace(
            "%1", event.new or QCoreApplication.translate("case", "none")
        )
    elif action == CaseAction.TOPICS:
        what = QCoreApplication.translate("case", "topics: %1").replace(
            "%1", event.new or QCoreApplication.translate("case", "none")
        )
    elif action == CaseAction.ANSWER:
        what = QCoreApplication.translate("case", "answered: %1").replace("%1", event.new)
    elif action == CaseAction.NOTE:
        what = QCoreApplication.translate("case", "note: %1").replace("%1", event.new)
    else:
        what = f"{action}: {event.new}"
    return f"{when} · {event.actor}: {what}"
