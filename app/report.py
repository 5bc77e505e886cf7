"""The monthly report of the complaint desk: how many cases each agency and topic got, how
many were answered and how fast, what people wrote about. No Qt, no I/O, no clock.

The month's cohort is the cases *received* in that calendar month in the calendar's zone
(WIB for Central Java): a post that arrives on 31 March at 20:00 UTC is an April case.
Every count below is over that cohort, judged at `now` (a case received on the 30th and
still open on the 2nd of the next month is overdue only once its deadline has passed).
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.deadlines import Calendar, DeadlineRules, missed_deadline
from app.model import Agency, Case, CaseStatus, Topic

if TYPE_CHECKING:
    from app.reach import ReachReport

TOP_TERMS = 10

SUMMARY_HEADER = (
    "group",
    "code",
    "name",
    "received",
    "answered",
    "closed",
    "not_complaint",
    "overdue",
    "median_days",
    "p90_days",
)
CASES_HEADER = (
    "id",
    "received_at",
    "status",
    "agency",
    "topics",
    "answered_at",
    "working_days_to_answer",
    "overdue",
    "author",
    "url",
    "text",
)


@dataclass(frozen=True, slots=True)
class GroupStats:
    """One row of the report: an agency, a topic, or the whole month (code "" means
    "unassigned" for agencies, "no topic" for topics; the total row's code is "" too)."""

    code: str
    name: str
    received: int
    answered: int
    closed: int
    not_complaint: int  # NOT_COMPLAINT and DUPLICATE
    overdue: int
    median_days: float | None  # working days from received to answered
    p90_days: int | None  # nearest rank


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """The cases received in one ISO week (clipped to the month) and how fast they were
    answered."""

    iso_year: int
    iso_week: int
    first: date  # the first day of the week that lies in the month
    last: date
    received: int
    answered: int
    median_days: float | None


@dataclass(frozen=True, slots=True)
class Term:
    """A word or two-word phrase and how many of the month's cases use it."""

    text: str
    cases: int


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One case of the cohort with what the report worked out about it."""

    case: Case
    working_days: int | None  # to answer; None when not answered
    overdue: bool


@dataclass(frozen=True, slots=True)
class MonthReport:
    year: int
    month: int
    zone: ZoneInfo
    now: datetime
    total: GroupStats
    agencies: tuple[GroupStats, ...]  # most cases first; the unassigned row ("") last
    topics: tuple[GroupStats, ...]  # most cases first; the no-topic row ("") last
    per_day: tuple[int, ...]  # cases received on day 1, 2, ... of the month
    weeks: tuple[WeekPoint, ...]
    top_words: tuple[Term, ...]
    top_phrases: tuple[Term, ...]
    cases: tuple[CaseLine, ...]  # in order received
    reach: ReachReport | None = None  # the office accounts' followers and engagement

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


def month_bounds(year: int, month: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of the month in `zone`, as aware datetimes."""
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


def nearest_rank(values: Sequence[int], fraction: float) -> int | None:
    """The nearest-rank percentile: the smallest value with at least `fraction` of the
    values at or below it (sorted[ceil(fraction * n) - 1])."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def _median(values: Sequence[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _stats(code: str, name: str, lines: Sequence[CaseLine]) -> GroupStats:
    days = [line.working_days for line in lines if line.working_days is not None]
    return GroupStats(
        code=code,
        name=name,
        received=len(lines),
        answered=sum(1 for line in lines if line.case.answered_at is not None),
        closed=sum(1 for line in lines if line.case.status is CaseStatus.CLOSED),
        not_complaint=sum(
            1
            for line in lines
            if line.case.status in (CaseStatus.NOT_COMPLAINT, CaseStatus.DUPLICATE)
        ),
        overdue=sum(1 for line in lines if line.overdue),
        median_days=_median(days),
        p90_days=nearest_rank(days, 0.9),
    )


def _grouped(
    groups: Mapping[str, list[CaseLine]], names: Mapping[str, str]
) -> tuple[GroupStats, ...]:
    rows = [_stats(code, names.get(code, code), lines) for code, lines in groups.items()]
    # Busiest first; the catch-all row ("" = unassigned / no topic) always last.
    rows.sort(key=lambda r: (r.code == "", -r.received, r.name.casefold(), r.code))
    return tuple(rows)


def month_report(
    cases: Sequence[Case],
    *,
    year: int,
    month: int,
    calendar: Calendar,
    rules: DeadlineRules,
    agencies: Sequence[Agency],
    topics: Sequence[Topic],
    now: datetime,
) -> MonthReport:
    """The report of the cases received in `month` (in the calendar's zone), judged at `now`.
    Cases outside the month may be passed; they are left out. A case with two topics counts
    under both; the total counts it once. The top words leave out the posts marked "not a
    complaint" (greetings, spam), which say nothing about what went wrong."""
    zone = calendar.zone
    start, end = month_bounds(year, month, zone)
    cohort = sorted(
        (c for c in cases if start <= c.received_at.astimezone(zone) < end),
        key=lambda c: (c.received_at, c.id),
    )
    lines = [
        CaseLine(
            case=c,
            working_days=(
                calendar.working_days_between(c.received_at, c.answered_at)
                if c.answered_at is not None
                else None
            ),
            overdue=missed_deadline(c, calendar, rules, now),
        )
        for c in cohort
    ]
    by_agency: dict[str, list[CaseLine]] = defaultdict(list)
    by_topic: dict[str, list[CaseLine]] = defaultdict(list)
    for line in lines:
        by_agency[line.case.agency_code].append(line)
        for topic in dict.fromkeys(line.case.topics) or ("",):
            by_topic[topic].append(line)
    days_in_month = (end.date() - start.date()).days
    per_day = [0] * days_in_month
    for line in lines:
        per_day[line.case.received_at.astimezone(zone).day - 1] += 1
    words, phrases = top_terms(
        line.case.text for line in lines if line.case.status is not CaseStatus.NOT_COMPLAINT
    )
    return MonthReport(
        year=year,
        month=month,
        zone=zone,
        now=now,
        total=_stats("", "", lines),
        agencies=_grouped(by_agency, {a.code: a.name for a in agencies}),
        topics=_grouped(by_topic, {t.name: t.name for t in topics}),
        per_day=tuple(per_day),
        weeks=_weeks(lines, start.date(), end.date(), zone),
        top_words=words,
        top_phrases=phrases,
        cases=tuple(lines),
    )


def _weeks(
    lines: Sequence[CaseLine], first: date, end: date, zone: ZoneInfo
) -> tuple[WeekPoint, ...]:
    """Every ISO week that touches the month, each with the cases received in it."""
    points: list[WeekPoint] = []
    day = first
    while day < end:
        last = min(day + timedelta(days=6 - day.weekday()), end - timedelta(days=1))
        week = [
            line for line in lines if day <= line.case.received_at.astimezone(zone).date() <= last
        ]
        days = [line.working_days for line in week if line.working_days is not None]
        iso = day.isocalendar()
        points.append(WeekPoint(iso.year, iso.week, day, last, len(week), len(days), _median(days)))
        day = last + timedelta(days=1)
    return tuple(points)


# --- what people wrote about ---------------------------------------------------------------

_STOPWORD_TEXT = """
    yang di ke dari dan ini itu pak bu min mohon tolong sudah belum ada tidak saya kami kita
    untuk dengan karena sangat lagi juga atau pada oleh dalam atas bagi tentang sejak sampai
    hingga seperti agar supaya sehingga tetapi tapi namun serta saat ketika setelah sebelum
    masih telah pernah sedang hanya cuma saja aja banyak sekali banget akan bisa dapat harus
    kalau kalo jika bila apa siapa kapan mana dimana kemana bagaimana gimana kenapa mengapa
    aku kamu dia ia mereka anda kalian beliau kami nya punya adalah ialah yaitu yakni jadi
    maka lalu kemudian pun kah lah toh dong deh sih kok nih tuh ya yah kak kakak mas mbak
    admin mimin bapak ibu gan sob om tante warga kami sana sini situ begitu begini
    yg dgn utk tdk gak ga gk nggak enggak engga ngga sdh udah udh blm bgt krn karna trs
    terus dr dri sm sama kpd kepada pd tsb bukan jangan mau ingin minta buat bikin
    terima kasih makasih trims tks thx selamat pagi siang sore malam halo hai hallo
    assalamualaikum assalamu alaikum wr wb salam hormat mohon maaf permisi
    satu dua tiga semua para setiap tiap sih deh hari kemarin kemarin besok sekarang tadi
    the a an and or but if then than so as is are was were be been being am to of in on at
    for with from by about into over after before this that these those it its i me my we
    our you your he him his she her they them their there here what which who whom when
    where why how not no yes do does did done have has had will would can could should
    please just also very too again still already any some all more most other such only
    own same up down out off rt via amp
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Indonesian (with the usual chat abbreviations and greetings) and English words that say
nothing about what a complaint is about."""

_REMOVE = re.compile(
    r"""(?:https?://|www\.)\S+        # links
      | @[\w.]+(?:@[\w.-]+)?          # @handles, @user@server too
      | [#＃]\w+                      # hashtags
    """,
    re.VERBOSE,
)
_CLAUSE = re.compile(r"[.,!?;:()\[\]{}\"“”‘’…/\\|\n\r\t]+")
_WORD = re.compile(r"[\w'-]+")


def _runs(text: str) -> list[list[str]]:
    """The text's words in runs with no stopword, number or punctuation between them."""
    runs: list[list[str]] = []
    for clause in _CLAUSE.split(_REMOVE.sub(" | ", text.casefold())):
        run: list[str] = []
        for raw in _WORD.findall(clause):
            word = raw.strip("-'_")
            if len(word) < 2 or word in STOPWORDS or any(ch.isdigit() for ch in word):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(word)
        if run:
            runs.append(run)
    return runs


def top_terms(
    texts: Iterable[str], limit: int = TOP_TERMS
) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """The words and the two-word phrases used by the most texts (each text counts a term
    once, so one long post cannot outweigh ten short ones); ties in alphabetical order.
    Links, @handles, hashtags, numbers and stopwords are left out, and a phrase never spans
    one of them or a punctuation mark."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for text in texts:
        runs = _runs(text)
        words.update({w for run in runs for w in run})
        phrases.update({f"{a} {b}" for run in runs for a, b in itertools.pairwise(run)})

    def best(counter: Counter[str]) -> tuple[Term, ...]:
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        return tuple(Term(text, n) for text, n in ranked[:limit])

    return best(words), best(phrases)


# --- CSV ----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    """Citizens' text in a cell a spreadsheet will not run as a formula (CSV injection):
    a leading =, +, -, @ gets a quote mark, which spreadsheets hide."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def report_csv(
    report: MonthReport,
    agency_names: Mapping[str, str],
    topic_names: Mapping[str, str] | None = None,
) -> str:
    """The report's tables as one CSV: a row per agency, per topic, and the total. Names
    come from the mappings first (the UI passes "" -> "Unassigned" in its language), then
    from the report; empty cells for medians of groups with nothing answered."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SUMMARY_HEADER)
    groups: list[tuple[str, Sequence[GroupStats], Mapping[str, str]]] = [
        ("agency", report.agencies, agency_names),
        ("topic", report.topics, topic_names or {}),
        ("total", (report.total,), {}),
    ]
    for group, rows, names in groups:
        for row in rows:
            writer.writerow(
                (
                    group,
                    _safe(row.code),
                    _safe(names.get(row.code) or row.name),
                    row.received,
                    row.answered,
                    row.closed,
                    row.not_complaint,
                    row.overdue,
                    _number(row.median_days),
                    _number(row.p90_days),
                )
            )
    return out.getvalue()


def cases_csv(cases: Sequence[CaseLine], *, zone: ZoneInfo) -> str:
    """One row per case: times in `zone` (ISO 8601 with the offset), topics joined by "; ",
    overdue as 1/0 so a spreadsheet can sum it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CASES_HEADER)
    for line in cases:
        case = line.case
        answered = case.answered_at
        writer.writerow(
            (
                case.id,
                case.received_at.astimezone(zone).isoformat(timespec="seconds"),
                case.status.value,
                _safe(case.agency_code),
                _safe("; ".join(case.topics)),
                answered.astimezone(zone).isoformat(timespec="seconds") if answered else "",
                "" if line.working_days is None else line.working_days,
                1 if line.overdue else 0,
                _safe(case.author_handle),
                _safe(case.url),
                _safe(case.text),
            )
        )
    return out.getvalue()
