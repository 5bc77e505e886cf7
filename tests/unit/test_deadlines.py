"""SP4N-LAPOR! deadlines: forward within 3 working days, follow up within 5; the day a report
arrives never counts, and the Nyepi + Idul Fitri closure of March 2026 (18-24 March) is skipped.

March 2026 working days: 2-6, 9-13, 16-17, 25-27, 30-31; April: 1-2, 6-10 (3 April is Good
Friday). Each expected date below is counted on that list by hand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.deadlines import (
    Calendar,
    DeadlineRules,
    Due,
    Stage,
    answer_due,
    assign_due,
    current_due,
    missed_deadline,
)
from app.model import Case, CaseStatus, Network
from app.workdays import WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")
CLOSED_2026 = [date(2026, 3, d) for d in range(18, 25)] + [date(2026, 4, 3), date(2026, 4, 5)]
RULES = DeadlineRules()


@pytest.fixture
def cal() -> Calendar:
    calendar: Calendar = WorkCalendar(CLOSED_2026, WIB)
    return calendar


def wib(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def end_of(month: int, day: int) -> datetime:
    return datetime.combine(date(2026, month, day), time.max, tzinfo=WIB)


def case(received: datetime, status: CaseStatus = CaseStatus.NEW, **fields: object) -> Case:
    base = Case(
        id=1,
        network=Network.MASTODON,
        remote_id="1",
        account_id="humas",
        author_handle="warga",
        author_name="Warga",
        text="Jalan rusak #KemalaJateng",
        posted_at=received,
        received_at=received,
        status=status,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_the_shipped_calendar_closes_the_days_these_tests_skip() -> None:
    from app.workdays import default_holidays

    shipped = {h.day for h in default_holidays()}
    assert {d for d in CLOSED_2026 if d.weekday() < 5} <= shipped
    assert date(2026, 3, 17) not in shipped
    assert date(2026, 3, 25) not in shipped


def test_the_default_rules_are_sp4n_lapor() -> None:
    assert (RULES.assign_days, RULES.answer_days) == (3, 5)


def test_a_report_on_friday_evening_must_be_forwarded_by_wednesday(cal: Calendar) -> None:
    # Friday 6 March 17:00 WIB: Friday does not count; Mon 9, Tue 10, Wed 11.
    friday = case(datetime(2026, 3, 6, 10, 0, tzinfo=UTC))
    assert assign_due(friday, cal, RULES) == end_of(3, 11)
    # Not assigned: 3 + 5 = 8 working days: 9-13 (5), 16, 17, then 25 (after the break).
    assert answer_due(friday, cal, RULES) == end_of(3, 25)
    assert current_due(friday, cal, RULES) == Due(Stage.ASSIGN, end_of(3, 11))


def test_the_answer_is_due_five_working_days_after_assignment(cal: Calendar) -> None:
    # Assigned Mon 16 March: Tue 17, (18-24 closed), Wed 25, Thu 26, Fri 27, Mon 30.
    assigned = case(
        wib(3, 12), CaseStatus.ASSIGNED, agency_code="DISHUB", assigned_at=wib(3, 16, 9)
    )
    assert answer_due(assigned, cal, RULES) == end_of(3, 30)
    assert current_due(assigned, cal, RULES) == Due(Stage.ANSWER, end_of(3, 30))


def test_a_report_before_the_break_waits_for_it(cal: Calendar) -> None:
    # Tue 17 March 20:00: Wed 18 - Tue 24 closed; Wed 25, Thu 26, Fri 27.
    assert assign_due(case(wib(3, 17, 20)), cal, RULES) == end_of(3, 27)
    # Arriving on a holiday (Sat 21 March, Idul Fitri) counts from the next working day too.
    assert assign_due(case(wib(3, 21, 11)), cal, RULES) == end_of(3, 27)


def test_a_report_arriving_late_at_night_utc_is_dated_in_jakarta(cal: Calendar) -> None:
    # 2026-03-01T17:30Z is Monday 2 March 00:30 WIB: Tue 3, Wed 4, Thu 5.
    late = case(datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    assert assign_due(late, cal, RULES) == end_of(3, 5)


def test_finished_cases_have_no_current_deadline(cal: Calendar) -> None:
    for status in (
        CaseStatus.ANSWERED,
        CaseStatus.CLOSED,
        CaseStatus.NOT_COMPLAINT,
        CaseStatus.DUPLICATE,
    ):
        assert current_due(case(wib(3, 2), status), cal, RULES) is None


def test_an_open_case_is_overdue_only_after_the_last_instant_of_its_day(cal: Calendar) -> None:
    new = case(wib(3, 2))  # due end of Thu 5 March
    due = end_of(3, 5)
    assert not missed_deadline(new, cal, RULES, wib(3, 5, 23, 59))
    assert not missed_deadline(new, cal, RULES, due)
    assert missed_deadline(new, cal, RULES, due + timedelta(microseconds=1))


def test_an_assigned_case_past_its_answer_deadline_is_overdue(cal: Calendar) -> None:
    assigned = case(wib(3, 25, 8), CaseStatus.ASSIGNED, assigned_at=wib(3, 25, 10))
    # due end of Wed 1 April: Thu 26, Fri 27, Mon 30, Tue 31, Wed 1.
    assert not missed_deadline(assigned, cal, RULES, wib(4, 1, 16))
    assert missed_deadline(assigned, cal, RULES, wib(4, 2, 8))


def test_a_late_assignment_stays_a_miss_even_when_answered_in_time(cal: Calendar) -> None:
    # Received Sat 28 March: due end of Wed 1 April; assigned Mon 6 April, answered same day.
    late = case(
        wib(3, 28, 19),
        CaseStatus.ANSWERED,
        assigned_at=wib(4, 6, 9),
        answered_at=wib(4, 6, 15),
    )
    assert missed_deadline(late, cal, RULES, wib(4, 6, 16))
    on_time = replace(late, assigned_at=wib(4, 1, 9))
    assert not missed_deadline(on_time, cal, RULES, wib(4, 6, 16))


def test_an_answer_after_its_deadline_is_a_miss(cal: Calendar) -> None:
    # Assigned Thu 5 March: answer due end of Thu 12 March (6, 9, 10, 11, 12).
    answered = case(
        wib(3, 5, 11), CaseStatus.ANSWERED, assigned_at=wib(3, 5, 13), answered_at=wib(3, 13)
    )
    assert missed_deadline(answered, cal, RULES, wib(4, 6))
    in_time = replace(answered, answered_at=wib(3, 12, 23, 0))
    assert not missed_deadline(in_time, cal, RULES, wib(4, 6))


def test_an_answer_without_assignment_gets_eight_working_days(cal: Calendar) -> None:
    # Received Thu 12 March, answered by the desk itself: due end of Tue 31 March
    # (13, 16, 17, 25, 26, 27, 30, 31).
    direct = case(wib(3, 12), CaseStatus.CLOSED, answered_at=end_of(3, 31))
    assert not missed_deadline(direct, cal, RULES, wib(4, 6))
    assert missed_deadline(replace(direct, answered_at=wib(4, 1)), cal, RULES, wib(4, 6))


def test_dismissed_cases_are_never_overdue(cal: Calendar) -> None:
    months_later = wib(6, 1)
    for status in (CaseStatus.NOT_COMPLAINT, CaseStatus.DUPLICATE):
        # even with a late assignment on record
        dismissed = case(wib(3, 2), status, assigned_at=wib(3, 30))
        assert not missed_deadline(dismissed, cal, RULES, months_later)


def test_a_case_closed_without_an_answer_is_not_overdue_later(cal: Calendar) -> None:
    closed = case(wib(3, 2), CaseStatus.CLOSED, closed_at=wib(3, 3))
    assert not missed_deadline(closed, cal, RULES, wib(6, 1))


def test_custom_rules(cal: Calendar) -> None:
    rules = DeadlineRules(assign_days=1, answer_days=2)
    friday = case(wib(3, 6, 17))
    assert assign_due(friday, cal, rules) == end_of(3, 9)
    assert answer_due(friday, cal, rules) == end_of(3, 11)  # 1 + 2 = 3 working days
    assert missed_deadline(friday, cal, rules, wib(3, 10))
    assert not missed_deadline(friday, cal, RULES, wib(3, 10))
