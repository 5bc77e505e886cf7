"""Working-day arithmetic for the case deadlines, and the holiday calendar's CSV form (no Qt).

SP4N-LAPOR! gives an office 3 working days to forward a report and 5 to follow it up.
Working days are Monday to Friday minus the holidays (libur nasional and cuti bersama) of
`resources/holidays/indonesia.csv` or the admin's edited copy. All arithmetic happens on
calendar days in the office's zone (Asia/Jakarta unless told), so a report stamped
2026-03-02T20:00Z arrived on Tuesday 03:00 WIB.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from app.model import Holiday, HolidayKind
from app.paths import resources_dir

JAKARTA = ZoneInfo("Asia/Jakarta")
CSV_HEADER = ("date", "kind", "name")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- the CSV file ----------------------------------------------------------------------------


class HolidayProblem(StrEnum):
    """What is wrong with a line of a holiday file; the UI words each one itself."""

    FIELDS = "fields"  # not exactly three fields
    BAD_DATE = "bad_date"
    UNKNOWN_KIND = "unknown_kind"
    MISSING_NAME = "missing_name"
    DUPLICATE_DATE = "duplicate_date"
    NOT_CSV = "not_csv"  # the csv module could not split the line (a stray quote)


class HolidayFileError(ValueError):
    """A holiday file that cannot be used. `line` is 1-based (the header is line 1);
    `value` is the offending text; `other_line` is the earlier line of a duplicated date."""

    def __init__(
        self, line: int, problem: HolidayProblem, value: str = "", other_line: int = 0
    ) -> None:
        self.line = line
        self.problem = problem
        self.value = value
        self.other_line = other_line
        super().__init__(f"line {line}: {self._detail()}")

    def _detail(self) -> str:
        if self.problem is HolidayProblem.FIELDS:
            return f"expected 3 fields (date,kind,name), found {self.value}"
        if self.problem is HolidayProblem.BAD_DATE:
            return f"bad date {self.value!r} (expected YYYY-MM-DD)"
        if self.problem is HolidayProblem.UNKNOWN_KIND:
            return f"unknown kind {self.value!r} (expected national or joint_leave)"
        if self.problem is HolidayProblem.MISSING_NAME:
            return "missing name"
        if self.problem is HolidayProblem.DUPLICATE_DATE:
            return f"date {self.value} is already on line {self.other_line}"
        return f"not valid CSV ({self.value})"


def _delimiter(text: str) -> str:
    # Excel in an Indonesian locale saves "CSV" with semicolons; take them when the first
    # line has semicolons and no commas.
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if ";" in first and "," not in first else ","


def holidays_from_csv(text: str) -> list[Holiday]:
    """Parse `date,kind,name` lines (the header line is optional, blank lines are skipped,
    a UTF-8 BOM and surrounding spaces are ignored). Returns the holidays sorted by date.

    A date given twice is an error rather than "last one wins": two names for one day in a
    file an admin edits by hand is more likely a typo than an intent. Raises
    HolidayFileError naming the first bad line."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    seen: dict[date, int] = {}
    holidays: list[Holiday] = []
    first_row = True
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise HolidayFileError(reader.line_num, HolidayProblem.NOT_CSV, str(exc)) from exc
        line = reader.line_num
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if first_row and cells and cells[0].lower() == CSV_HEADER[0]:
            first_row = False
            continue
        first_row = False
        holiday = _parse_row(cells, line)
        if holiday.day in seen:
            raise HolidayFileError(
                line, HolidayProblem.DUPLICATE_DATE, holiday.day.isoformat(), seen[holiday.day]
            )
        seen[holiday.day] = line
        holidays.append(holiday)
    return sorted(holidays, key=lambda h: h.day)


def _parse_row(cells: list[str], line: int) -> Holiday:
    if len(cells) != len(CSV_HEADER):
        raise HolidayFileError(line, HolidayProblem.FIELDS, str(len(cells)))
    day_text, kind_text, name = cells
    # date.fromisoformat also takes 20260101 and 2026-W01-4; the file promises YYYY-MM-DD.
    if not _ISO_DAY.fullmatch(day_text):
        raise HolidayFileError(line, HolidayProblem.BAD_DATE, day_text)
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise HolidayFileError(line, HolidayProblem.BAD_DATE, day_text) from None
    try:
        kind = HolidayKind(kind_text.lower())
    except ValueError:
        raise HolidayFileError(line, HolidayProblem.UNKNOWN_KIND, kind_text) from None
    if not name:
        raise HolidayFileError(line, HolidayProblem.MISSING_NAME)
    return Holiday(day=day, name=name, kind=kind)


def holidays_to_csv(holidays: Iterable[Holiday]) -> str:
    """The file form read by holidays_from_csv: header, then one line per holiday by date
    ("\\n" line ends; a name with a comma or quote is quoted)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for holiday in sorted(holidays, key=lambda h: h.day):
        writer.writerow((holiday.day.isoformat(), holiday.kind.value, holiday.name))
    return out.getvalue()


def load_holidays(path: Path) -> list[Holiday]:
    """Read a holiday CSV file; OSError and UnicodeDecodeError pass through."""
    return holidays_from_csv(path.read_text(encoding="utf-8-sig"))


def default_holidays() -> list[Holiday]:
    """The shipped calendar, resources/holidays/indonesia.csv (see its README for sources)."""
    return load_holidays(resources_dir() / "holidays" / "indonesia.csv")


# --- the arithmetic --------------------------------------------------------------------------


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {moment.isoformat()}")


def _weekdays_through(day: date) -> int:
    """Mondays to Fridays from an arbitrary fixed origin through `day` (a running count, so
    the weekdays in (a, b] are _weekdays_through(b) - _weekdays_through(a))."""
    weeks, offset = divmod(day.toordinal() - 1, 7)  # ordinal 1 (0001-01-01) is a Monday
    return weeks * 5 + min(offset + 1, 5)


class WorkCalendar:
    """Which calendar days are working days, and deadlines counted in them.

    Saturdays and Sundays are never working days; nor is any holiday given (a `Holiday` or a
    bare `date`). Every datetime argument must be aware; it is converted to `zone` before
    its calendar day is taken. Holidays on a weekend change nothing.
    """

    def __init__(self, holidays: Iterable[Holiday | date] = (), zone: ZoneInfo = JAKARTA) -> None:
        self.zone = zone
        self._holidays: dict[date, Holiday] = {}
        for item in holidays:
            if isinstance(item, Holiday):
                self._holidays[item.day] = item
            elif isinstance(item, datetime):
                raise TypeError(f"holidays are dates, not datetimes: {item.isoformat()}")
            else:
                self._holidays[item] = Holiday(day=item, name="")
        # Weekday holidays, sorted, to count them in a range by bisection.
        self._closed_weekdays = sorted(d for d in self._holidays if d.weekday() < 5)

    def local_day(self, moment: datetime) -> date:
        """The calendar day of an aware `moment` in this calendar's zone."""
        _require_aware(moment, "moment")
        return moment.astimezone(self.zone).date()

    def holiday_on(self, day: date) -> Holiday | None:
        """The holiday on `day`, if any (a bare date given as a holiday has an empty name)."""
        return self._holidays.get(_plain(day))

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a holiday."""
        day = _plain(day)
        return day.weekday() < 5 and day not in self._holidays

    def _working_days_after(self, first: date, last: date) -> int:
        """Working days d with first < d <= last (0 when last <= first)."""
        if last <= first:
            return 0
        weekdays = _weekdays_through(last) - _weekdays_through(first)
        closed = bisect.bisect_right(self._closed_weekdays, last) - bisect.bisect_right(
            self._closed_weekdays, first
        )
        return weekdays - closed

    def deadline(self, start: datetime, days: int) -> datetime:
        """The last instant (23:59:59.999999 in `zone`) of the `days`-th working day after
        the local day of `start`. The arrival day never counts, working or not: arriving on
        Friday 17:00 or on Saturday, 3 days end on Wednesday when Monday to Wednesday are
        working days. days=0 is the end of the arrival day itself. Raises ValueError for
        days < 0 or a naive `start`."""
        if days < 0:
            raise ValueError(f"days must be >= 0, got {days}")
        day = self.local_day(start)
        counted = 0
        # Terminates: holidays are finite, so past the last one every weekday counts.
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return datetime.combine(day, time.max, tzinfo=self.zone)

    def working_days_between(self, start: datetime, end: datetime) -> int:
        """How many working days it took: the working days d with
        local_day(start) < d <= local_day(end); 0 when end's day is not after start's.

        Consistent with deadline(): for every aware `start` and every n >= 0,
        working_days_between(start, deadline(start, n)) == n; and for any aware `end`,
        deadline(start, working_days_between(start, end)) is the end of the last working
        day on or before end's local day (or of start's day when there is none after it)."""
        return self._working_days_after(self.local_day(start), self.local_day(end))

    def remaining(self, deadline: datetime, now: datetime) -> int:
        """Working days left before `deadline` as seen at `now`, negative when late.

        - now <= deadline: the working days d with local_day(now) < d <= local_day(deadline).
          0 means due today (no working day left after today); deadline Wednesday, now
          Monday: 2 (Tuesday, Wednesday). So remaining(deadline(s, n), s) == n.
        - now > deadline: -max(1, working days d with local_day(deadline) < d <=
          local_day(now)). Late is always <= -1, never 0, so it cannot read as "due today";
          only working days count: deadline Friday, now Saturday, Sunday or Monday: -1;
          Tuesday: -2. Deadline Wednesday, now Thursday 09:00: -1.
        """
        _require_aware(deadline, "deadline")
        _require_aware(now, "now")
        due, today = self.local_day(deadline), self.local_day(now)
        if now <= deadline:
            return self._working_days_after(today, due)
        return -max(1, self._working_days_after(due, today))


def _plain(day: date) -> date:
    # A datetime is a date subclass but never equals one, so a holiday lookup would miss.
    if isinstance(day, datetime):
        raise TypeError(f"expected a date, got the datetime {day.isoformat()}; use local_day()")
    return day
