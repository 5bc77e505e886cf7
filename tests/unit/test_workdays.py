"""Working days for the SP4N-LAPOR! deadlines: weekends, libur nasional and cuti bersama,
Jakarta days for UTC stamps, and the holiday CSV with its error messages."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import Holiday, HolidayKind
from app.workdays import (
    JAKARTA,
    HolidayFileError,
    HolidayProblem,
    WorkCalendar,
    default_holidays,
    holidays_from_csv,
    holidays_to_csv,
    load_holidays,
)

DEFAULTS = default_holidays()
CALENDAR = WorkCalendar(DEFAULTS)


def wib(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=JAKARTA)


def end_of(year: int, month: int, day: int) -> datetime:
    return datetime.combine(date(year, month, day), time.max, tzinfo=JAKARTA)


# --- the shipped calendar --------------------------------------------------------------------


def test_the_shipped_calendar_has_each_years_decree() -> None:
    counts = Counter((h.day.year, h.kind) for h in DEFAULTS)
    # SKB 1017/2024 (+ the 18 August amendment) and SKB 1497/2025
    assert counts[(2025, HolidayKind.NATIONAL)] == 17
    assert counts[(2025, HolidayKind.JOINT_LEAVE)] == 11
    assert counts[(2026, HolidayKind.NATIONAL)] == 17
    assert counts[(2026, HolidayKind.JOINT_LEAVE)] == 8
    days = {h.day: h for h in DEFAULTS}
    assert days[date(2026, 3, 21)].name == "Idul Fitri 1447 Hijriah"
    assert days[date(2026, 3, 20)].kind is HolidayKind.JOINT_LEAVE
    assert days[date(2025, 8, 18)].kind is HolidayKind.JOINT_LEAVE
    assert [h.day for h in DEFAULTS] == sorted(days)


# --- which days work -------------------------------------------------------------------------


def test_weekends_never_work_even_without_holidays() -> None:
    calendar = WorkCalendar()
    week = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]  # Monday to Sunday
    assert [calendar.is_working_day(d) for d in week] == [True] * 5 + [False] * 2


def test_national_holiday_and_cuti_bersama_are_closed() -> None:
    assert not CALENDAR.is_working_day(date(2026, 8, 17))  # Monday, Proklamasi
    assert not CALENDAR.is_working_day(date(2026, 5, 28))  # Thursday, cuti bersama Idul Adha
    assert CALENDAR.is_working_day(date(2026, 5, 29))
    holiday = CALENDAR.holiday_on(date(2026, 5, 28))
    assert holiday is not None
    assert holiday.kind is HolidayKind.JOINT_LEAVE


def test_bare_dates_count_as_holidays_and_datetimes_are_refused() -> None:
    calendar = WorkCalendar([date(2026, 3, 4)])
    assert not calendar.is_working_day(date(2026, 3, 4))
    assert calendar.holiday_on(date(2026, 3, 4)) == Holiday(date(2026, 3, 4), "")
    with pytest.raises(TypeError):
        WorkCalendar([wib(2026, 3, 4)])
    with pytest.raises(TypeError, match="local_day"):
        calendar.is_working_day(wib(2026, 3, 4))


# --- deadlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "arrival",
    [
        wib(2026, 3, 6, 17, 0),  # Friday 17:00 WIB
        wib(2026, 3, 7, 10, 0),  # Saturday
        wib(2026, 3, 8, 23, 59),  # Sunday night
        datetime(2026, 3, 6, 10, 0, tzinfo=UTC),  # Friday 17:00 WIB, stamped in UTC
    ],
)
def test_a_report_arriving_at_the_weekend_is_due_wednesday(arrival: datetime) -> None:
    due = CALENDAR.deadline(arrival, 3)
    assert due == end_of(2026, 3, 11)
    assert due.tzinfo is JAKARTA
    assert (due.hour, due.minute, due.second, due.microsecond) == (23, 59, 59, 999999)


def test_the_arrival_day_never_counts_and_zero_days_is_its_end() -> None:
    assert CALENDAR.deadline(wib(2026, 3, 2, 0, 1), 1) == end_of(2026, 3, 3)
    assert CALENDAR.deadline(wib(2026, 3, 2, 23, 0), 0) == end_of(2026, 3, 2)
    assert CALENDAR.deadline(wib(2026, 3, 7), 0) == end_of(2026, 3, 7)  # even a Saturday


def test_a_national_holiday_is_skipped() -> None:
    # Friday before Proklamasi (Monday 17 August): Tue, Wed, Thu
    assert CALENDAR.deadline(wib(2026, 8, 14, 17), 3) == end_of(2026, 8, 20)
    # Without the holiday it would have been Wednesday
    assert WorkCalendar().deadline(wib(2026, 8, 14, 17), 3) == end_of(2026, 8, 19)


def test_cuti_bersama_is_skipped_across_the_month_end() -> None:
    # Tuesday 26 May: Idul Adha (Wed), cuti bersama (Thu), Fri 29 = 1, Pancasila (Mon 1 June),
    # Tue 2 = 2, Wed 3 = 3
    assert CALENDAR.deadline(wib(2026, 5, 26), 3) == end_of(2026, 6, 3)
    assert CALENDAR.deadline(wib(2026, 5, 26), 1) == end_of(2026, 5, 29)


def test_lebaran_week_2026() -> None:
    # Tuesday 17 March: cuti Nyepi, Nyepi, cuti, Idul Fitri (weekend), cuti, cuti; then
    # Wed 25, Thu 26, Fri 27 (3 days) and Mon 30, Tue 31 (5 days)
    arrival = wib(2026, 3, 17, 15)
    assert CALENDAR.deadline(arrival, 3) == end_of(2026, 3, 27)
    assert CALENDAR.deadline(arrival, 5) == end_of(2026, 3, 31)


def test_across_the_year_end() -> None:
    # Wednesday 24 Dec 2025: Natal (Thu), cuti (Fri), Mon 29, Tue 30, Wed 31 = 3;
    # 1 Jan 2026 is a holiday, Fri 2 = 4, Mon 5 = 5
    arrival = wib(2025, 12, 24, 16)
    assert CALENDAR.deadline(arrival, 3) == end_of(2025, 12, 31)
    assert CALENDAR.deadline(arrival, 5) == end_of(2026, 1, 5)
    assert CALENDAR.working_days_between(arrival, wib(2026, 1, 5)) == 5


def test_utc_stamps_take_the_jakarta_day() -> None:
    # 2026-03-02T20:00Z is Tuesday 03:00 WIB: Wed, Thu, Fri
    stamp = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert CALENDAR.local_day(stamp) == date(2026, 3, 3)
    assert CALENDAR.deadline(stamp, 3) == end_of(2026, 3, 6)
    # Thursday 17:30Z is Friday 00:30 WIB, so the weekend follows at once
    assert CALENDAR.deadline(datetime(2026, 3, 5, 17, 30, tzinfo=UTC), 1) == end_of(2026, 3, 9)
    # and the deadline is the same instant whatever zone the caller compares it in
    assert CALENDAR.deadline(stamp, 3) == datetime(2026, 3, 6, 16, 59, 59, 999999, tzinfo=UTC)


def test_another_zone_takes_its_own_day() -> None:
    # 23:30 WIB on Friday is already Saturday 01:30 WIT in Jayapura; both end on Wednesday
    # but at their own midnight.
    papua = WorkCalendar(DEFAULTS, ZoneInfo("Asia/Jayapura"))
    stamp = wib(2026, 3, 6, 23, 30)
    assert papua.local_day(stamp) == date(2026, 3, 7)
    due = papua.deadline(stamp, 3)
    assert due == datetime.combine(date(2026, 3, 11), time.max, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert due < CALENDAR.deadline(stamp, 3)


def test_naive_datetimes_and_negative_days_are_refused() -> None:
    naive = datetime(2026, 3, 2, 9, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        CALENDAR.deadline(naive, 3)
    with pytest.raises(ValueError, match="timezone-aware"):
        CALENDAR.working_days_between(wib(2026, 3, 2), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        CALENDAR.remaining(naive, wib(2026, 3, 2))
    with pytest.raises(ValueError, match="timezone-aware"):
        CALENDAR.remaining(end_of(2026, 3, 4), naive)
    with pytest.raises(ValueError, match="days must be >= 0"):
        CALENDAR.deadline(wib(2026, 3, 2), -1)


# --- counting --------------------------------------------------------------------------------


def test_working_days_between_counts_after_the_start_day_through_the_end_day() -> None:
    monday = wib(2026, 3, 2, 8)
    assert CALENDAR.working_days_between(monday, wib(2026, 3, 2, 23)) == 0
    assert CALENDAR.working_days_between(monday, wib(2026, 3, 3, 0, 5)) == 1
    assert CALENDAR.working_days_between(monday, wib(2026, 3, 9)) == 5  # Tue..Fri, Mon
    assert CALENDAR.working_days_between(wib(2026, 3, 9), monday) == 0  # end before start
    # Lebaran: 16 March (Mon) to 27 March (Fri) has only Tue 17, Wed 25, Thu 26, Fri 27
    assert CALENDAR.working_days_between(wib(2026, 3, 16), wib(2026, 3, 27)) == 4


# --- remaining -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "left"),
    [
        (wib(2026, 3, 7, 12), 3),  # Saturday before: Mon, Tue, Wed
        (wib(2026, 3, 9, 9), 2),  # Monday: Tue, Wed
        (wib(2026, 3, 10, 9), 1),
        (wib(2026, 3, 11, 8), 0),  # due today
        (end_of(2026, 3, 11), 0),  # the very last instant is still on time
        (wib(2026, 3, 12, 9), -1),  # Thursday 09:00: one working day late
        (wib(2026, 3, 13, 9), -2),
        (wib(2026, 3, 14, 9), -2),  # the weekend adds nothing
        (wib(2026, 3, 16, 9), -3),
    ],
)
def test_remaining_before_on_and_after_a_wednesday_deadline(now: datetime, left: int) -> None:
    assert CALENDAR.remaining(end_of(2026, 3, 11), now) == left


def test_a_friday_deadline_is_late_by_one_until_tuesday() -> None:
    due = end_of(2026, 3, 13)
    assert CALENDAR.remaining(due, wib(2026, 3, 14, 0, 0)) == -1  # late, never "due today"
    assert CALENDAR.remaining(due, wib(2026, 3, 15)) == -1
    assert CALENDAR.remaining(due, wib(2026, 3, 16)) == -1
    assert CALENDAR.remaining(due, wib(2026, 3, 17)) == -2


def test_remaining_skips_holidays_both_ways() -> None:
    due = CALENDAR.deadline(wib(2026, 8, 14, 17), 3)  # Thursday 20 August
    assert CALENDAR.remaining(due, wib(2026, 8, 15)) == 3  # Mon 17 is Proklamasi
    assert CALENDAR.remaining(due, wib(2026, 8, 17)) == 3
    assert CALENDAR.remaining(due, wib(2026, 8, 25)) == -2  # Fri 21, Mon 24; Tue 25 Maulid
    assert CALENDAR.remaining(due, datetime(2026, 8, 20, 17, 0, tzinfo=UTC)) == -1  # 00:00 WIB


# --- properties ------------------------------------------------------------------------------

ZONES = st.sampled_from([JAKARTA, UTC, ZoneInfo("Asia/Makassar"), ZoneInfo("America/New_York")])
MOMENTS = st.datetimes(
    min_value=datetime(2024, 11, 1), max_value=datetime(2027, 3, 1), timezones=ZONES
)
EXTRA_HOLIDAYS = st.sets(st.dates(date(2024, 11, 1), date(2027, 6, 1)), max_size=40)


def _calendar(extra: set[date]) -> WorkCalendar:
    return WorkCalendar([*DEFAULTS, *extra])


@settings(max_examples=300, deadline=None)
@given(MOMENTS, st.integers(0, 40), EXTRA_HOLIDAYS)
def test_deadline_lands_on_a_working_day_n_working_days_later(
    start: datetime, days: int, extra: set[date]
) -> None:
    calendar = _calendar(extra)
    due = calendar.deadline(start, days)
    assert due.tzinfo is JAKARTA
    assert due.timetz().replace(tzinfo=None) == time.max
    if days > 0:
        assert calendar.is_working_day(due.date())
    # The invariant tying the three together, for every aware start and every n >= 0:
    assert calendar.working_days_between(start, due) == days
    assert calendar.remaining(due, start) == days


@settings(max_examples=300, deadline=None)
@given(MOMENTS, MOMENTS, EXTRA_HOLIDAYS)
def test_working_days_between_matches_counting_day_by_day(
    start: datetime, end: datetime, extra: set[date]
) -> None:
    calendar = _calendar(extra)
    first, last = calendar.local_day(start), calendar.local_day(end)
    expected = sum(
        calendar.is_working_day(first + timedelta(days=i))
        for i in range(1, (last - first).days + 1)
    )
    taken = calendar.working_days_between(start, end)
    assert taken == expected
    # deadline() inverts it: the end of the last working day on or before end's day
    due = calendar.deadline(start, taken)
    assert due.date() <= max(first, last)
    assert calendar.working_days_between(due, end) == 0


@settings(max_examples=200, deadline=None)
@given(MOMENTS, st.integers(0, 10), st.lists(st.integers(0, 60 * 24 * 30), min_size=2))
def test_remaining_only_goes_down_and_is_never_zero_when_late(
    start: datetime, days: int, minutes: list[int]
) -> None:
    due = CALENDAR.deadline(start, days)
    nows = [start + timedelta(minutes=m) for m in sorted(minutes)]
    left = [CALENDAR.remaining(due, now) for now in nows]
    assert left == sorted(left, reverse=True)
    for now, value in zip(nows, left, strict=True):
        assert (value < 0) == (now > due)


# --- the CSV file ----------------------------------------------------------------------------


def test_csv_round_trip_keeps_every_field() -> None:
    holidays = [
        Holiday(date(2026, 8, 17), "Proklamasi Kemerdekaan"),
        Holiday(date(2026, 1, 1), 'Tahun Baru, "Masehi"', HolidayKind.NATIONAL),
        Holiday(date(2026, 12, 24), "Cuti Bersama Natal", HolidayKind.JOINT_LEAVE),
    ]
    text = holidays_to_csv(holidays)
    assert text.splitlines()[0] == "date,kind,name"
    assert text.splitlines()[1] == '2026-01-01,national,"Tahun Baru, ""Masehi"""'
    assert holidays_from_csv(text) == sorted(holidays, key=lambda h: h.day)


def test_the_shipped_file_is_in_the_written_form() -> None:
    shipped = Path(__file__).resolve().parents[2] / "resources" / "holidays" / "indonesia.csv"
    assert holidays_to_csv(DEFAULTS) == shipped.read_text(encoding="utf-8")


def test_lenient_about_header_bom_spaces_blank_lines_and_semicolons() -> None:
    text = "\ufeff\n 2026-01-01 , NATIONAL , Tahun Baru \n\n"
    assert holidays_from_csv(text) == [Holiday(date(2026, 1, 1), "Tahun Baru")]
    excel = "date;kind;name\r\n2026-05-28;joint_leave;Cuti Bersama Idul Adha\r\n"
    assert holidays_from_csv(excel) == [
        Holiday(date(2026, 5, 28), "Cuti Bersama Idul Adha", HolidayKind.JOINT_LEAVE)
    ]
    assert holidays_from_csv("date,kind,name\n") == []
    assert holidays_from_csv("") == []


def test_load_holidays_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "libur.csv"
    path.write_text("date,kind,name\n2027-01-01,national,Tahun Baru 2027 Masehi\n", "utf-8")
    assert load_holidays(path) == [Holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi")]


@pytest.mark.parametrize(
    ("text", "line", "problem", "message"),
    [
        (
            "date,kind,name\n2026-13-01,national,X\n",
            2,
            HolidayProblem.BAD_DATE,
            "line 2: bad date '2026-13-01' (expected YYYY-MM-DD)",
        ),
        (
            "date,kind,name\n2026-01-01,national,A\n\n20260817,national,B\n",
            4,
            HolidayProblem.BAD_DATE,
            "line 4: bad date '20260817' (expected YYYY-MM-DD)",
        ),
        (
            "date,kind,name\n2026-01-01,libur,Tahun Baru\n",
            2,
            HolidayProblem.UNKNOWN_KIND,
            "line 2: unknown kind 'libur' (expected national or joint_leave)",
        ),
        (
            "2026-01-01,national,  \n",
            1,
            HolidayProblem.MISSING_NAME,
            "line 1: missing name",
        ),
        (
            "date,kind,name\n2026-01-01,national\n",
            2,
            HolidayProblem.FIELDS,
            "line 2: expected 3 fields (date,kind,name), found 2",
        ),
        (
            "date,kind,name\n2026-01-01,national,Tahun Baru, Masehi\n",
            2,
            HolidayProblem.FIELDS,
            "line 2: expected 3 fields (date,kind,name), found 4",
        ),
        (
            "date,kind,name\n2026-01-01,national,A\n2026-08-17,national,B\n2026-01-01,national,C\n",
            4,
            HolidayProblem.DUPLICATE_DATE,
            "line 4: date 2026-01-01 is already on line 2",
        ),
        (
            'date,kind,name\n2026-01-01,national,"Tahun" Baru\n',
            2,
            HolidayProblem.NOT_CSV,
            "line 2: not valid CSV (',' expected after '\"')",
        ),
    ],
)
def test_each_error_names_its_line_and_what_is_wrong(
    text: str, line: int, problem: HolidayProblem, message: str
) -> None:
    with pytest.raises(HolidayFileError) as caught:
        holidays_from_csv(text)
    assert caught.value.line == line
    assert caught.value.problem is problem
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


def test_a_duplicate_reports_both_lines() -> None:
    with pytest.raises(HolidayFileError) as caught:
        holidays_from_csv("2026-01-01,national,A\n2026-01-01,joint_leave,B\n")
    assert (caught.value.line, caught.value.other_line, caught.value.value) == (
        2,
        1,
        "2026-01-01",
    )
