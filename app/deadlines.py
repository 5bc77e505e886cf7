"""When a citizen report is due, after the SP4N-LAPOR! service standard: forward it to the
responsible agency (OPD) within 3 working days, follow it up within 5 more. No Qt here.

Deadlines count working days in the office's zone (see app/workdays.py): the day a report
arrives never counts, and a deadline is the end of its last working day, so a report that
arrives on Friday at 17:00 WIB must be forwarded by the end of Wednesday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from app.model import Case, CaseStatus

NEVER_OVERDUE = frozenset({CaseStatus.NOT_COMPLAINT, CaseStatus.DUPLICATE})
"""Cases closed as "not a complaint" or as a duplicate of another have no deadline."""


class Calendar(Protocol):
    """The working-day calendar the rules count in; app.workdays.WorkCalendar is one."""

    @property
    def zone(self) -> ZoneInfo: ...

    def is_working_day(self, day: date) -> bool: ...

    def deadline(self, start: datetime, days: int) -> datetime: ...

    def working_days_between(self, start: datetime, end: datetime) -> int: ...


@dataclass(frozen=True, slots=True)
class DeadlineRules:
    """How many working days each stage gets (SP4N-LAPOR!: 3 to forward, 5 to follow up)."""

    assign_days: int = 3
    answer_days: int = 5


class Stage(StrEnum):
    """What an open case is waiting for."""

    ASSIGN = "assign"  # to be delegated to an agency
    ANSWER = "answer"  # to be answered by the agency (or the desk)


@dataclass(frozen=True, slots=True)
class Due:
    """The next deadline of an open case."""

    stage: Stage
    at: datetime


def assign_due(case: Case, cal: Calendar, rules: DeadlineRules) -> datetime:
    """The end of the `assign_days`-th working day after the case was received."""
    return cal.deadline(case.received_at, rules.assign_days)


def answer_due(case: Case, cal: Calendar, rules: DeadlineRules) -> datetime:
    """The end of the `answer_days`-th working day after the case was assigned; a case not
    assigned yet gets both allowances from when it was received (3 + 5 = 8 working days)."""
    if case.assigned_at is not None:
        return cal.deadline(case.assigned_at, rules.answer_days)
    return cal.deadline(case.received_at, rules.assign_days + rules.answer_days)


def current_due(case: Case, cal: Calendar, rules: DeadlineRules) -> Due | None:
    """The deadline an open case is working against: a NEW case must be assigned, an
    ASSIGNED one answered. Answered, closed and dismissed cases have none."""
    if not case.status.is_open:
        return None
    if case.status is CaseStatus.NEW:
        return Due(Stage.ASSIGN, assign_due(case, cal, rules))
    return Due(Stage.ANSWER, answer_due(case, cal, rules))


def missed_deadline(case: Case, cal: Calendar, rules: DeadlineRules, now: datetime) -> bool:
    """Whether the case missed a deadline, now or earlier: it was assigned after its assign
    deadline, or answered after its answer deadline, or it is still open, unanswered, past
    its current deadline at `now`. Lateness sticks: a late assignment stays counted even if
    the answer then came in time. NOT_COMPLAINT and DUPLICATE cases are never overdue; a
    case closed without an assignment or an answer is judged only by what it has."""
    if case.status in NEVER_OVERDUE:
        return False
    if case.assigned_at is not None and case.assigned_at > assign_due(case, cal, rules):
        return True
    if case.answered_at is not None:
        return case.answered_at > answer_due(case, cal, rules)
    due = current_due(case, cal, rules)
    return due is not None and now > due.at
