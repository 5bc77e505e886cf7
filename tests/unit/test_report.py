"""The monthly report against a hand-made March 2026 (tests/fixtures/triage/month_2026_03.json).

Every expected number here was counted by hand from the fixture, not produced by the code.
The working-day index used below is the number of working days from 1 March through a day
(offices are closed 18-24 March for Nyepi and Idul Fitri, and on 3 April):

    Mar  1:0   2:1  3:2  4:3  5:4  6:5   9:6  10:7  11:8  12:9  13:10  16:11  17:12
    (18-24 closed: 12)  25:13  26:14  27:15  (28, 29: 15)  30:16  31:17
    Apr  1:18  2:19  (3-5: 19)  6:20

working days to answer = index(answered day) - index(received day);
a deadline n working days after day d is the day whose index is index(d) + n.

The cohort: cases 1-18, 20, 22, 23 (21 cases). Case 19 arrives 2026-03-31T20:00Z, which is
1 April 03:00 WIB; case 21 is from February. `now` is Monday 6 April, 16:00 WIB.

 case received       agency   topics          status     answered  days  overdue
  20  Sun  1 00:30   BPBD     banjir          closed     Mar  3    2-0=2
   1  Mon  2 09:00   DPUBMCK  jalan           closed     Mar  4    3-1=2
  18  Mon  2 20:00   DISHUB   transportasi    closed     Mar  5    4-1=3
  23  Wed  4 10:00   -        transportasi    closed     Mar  4    0
  22  Thu  5 11:00   DPUBMCK  jalan           answered   Mar 13    10-4=6 yes: due 4+5=9 (12th)
   2  Fri  6 17:00   DPUBMCK  jalan           answered   Mar 16    11-5=6
   3  Mon  9 08:00   DLHK     sampah          closed     Mar 12    9-6=3
   4  Tue 10 13:00   DLHK     sampah, banjir  answered   Mar 17    12-7=5 (due 7+5=12: 17th)
   5  Wed 11 07:00   BPBD     banjir          closed     Mar 11    0
   6  Thu 12 10:00   DISHUB   lampu           answered   Mar 26    14-9=5 (assigned 16th, due 30th)
   7  Mon 16 15:00   DPUBMCK  jalan           closed     Apr  1    18-11=7 yes: due 12+5=17 (31st)
   8  Tue 17 20:00   DLHK     sampah          answered   Mar 27    15-12=3 (assigned 25th, due 27th)
   9  Wed 18 10:00   -        jalan           new        -         yes: assign due 12+3=15 (27th)
  10  Sat 21 11:00   -        -               not_compl. -
  11  Mon 23 09:00   -        jalan           duplicate  -
  12  Wed 25 08:30   DISHUB   transportasi    assigned   -         yes: due 13+5=18 (Apr 1)
  13  Thu 26 14:00   -        banjir          new        -         yes: due 14+3=17 (31st)
  14  Fri 27 16:00   BPBD     banjir          answered   Apr  2    19-15=4
  15  Sat 28 19:00   DPUBMCK  jalan           answered   Apr  6    20-15=5 yes: assign due Apr 1
  16  Mon 30 10:00   DLHK     -               assigned   -         no: due 16+5=21 (Apr 7)
  17  Tue 31 09:00   -        lampu           new        -         no: due 17+3=20 (Apr 6, today)
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.deadlines import DeadlineRules
from app.model import Agency, Case, CaseStatus, Network, Topic
from app.report import (
    CASES_HEADER,
    SUMMARY_HEADER,
    GroupStats,
    MonthReport,
    Term,
    cases_csv,
    month_report,
    nearest_rank,
    report_csv,
    top_terms,
)
from app.workdays import WorkCalendar

FIXTURE = Path(__file__).parent.parent / "fixtures" / "triage" / "month_2026_03.json"
WIB = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class Month:
    cases: list[Case]
    calendar: WorkCalendar
    agencies: list[Agency]
    topics: list[Topic]
    now: datetime


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def load_month() -> Month:
    """The fixture as model objects (also used by the UI tests)."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    cases = []
    for row in data["cases"]:
        received = datetime.fromisoformat(row["received_at"])
        cases.append(
            Case(
                id=row["id"],
                network=Network.MASTODON,
                remote_id=str(110000 + row["id"]),
                account_id="humas-jateng",
                author_handle=row["author_handle"],
                author_name=row["author_name"],
                text=row["text"],
                posted_at=received,
                received_at=received,
                status=CaseStatus(row["status"]),
                url=row["url"],
                agency_code=row["agency_code"],
                topics=tuple(row["topics"]),
                assigned_at=_when(row["assigned_at"]),
                answered_at=_when(row["answered_at"]),
                closed_at=_when(row["closed_at"]),
                duplicate_of=row.get("duplicate_of"),
            )
        )
    return Month(
        cases=cases,
        calendar=WorkCalendar([date.fromisoformat(d) for d in data["holidays"]], WIB),
        agencies=[Agency(a["code"], a["name"]) for a in data["agencies"]],
        topics=[Topic(t["name"], tuple(t["keywords"]), t["agency_code"]) for t in data["topics"]],
        now=datetime.fromisoformat(data["now"]),
    )


def march_report(month: Month | None = None) -> MonthReport:
    month = month or load_month()
    return month_report(
        month.cases,
        year=2026,
        month=3,
        calendar=month.calendar,
        rules=DeadlineRules(),
        agencies=month.agencies,
        topics=month.topics,
        now=month.now,
    )


@pytest.fixture(scope="module")
def report() -> MonthReport:
    return march_report()


def test_the_fixture_closes_the_days_the_shipped_calendar_closes() -> None:
    from app.workdays import default_holidays

    month = load_month()
    shipped = WorkCalendar(default_holidays(), WIB)
    for day in range(1, 32):
        d = date(2026, 3, day)
        assert month.calendar.is_working_day(d) == shipped.is_working_day(d), d


def test_the_cohort_is_the_cases_received_in_march_in_jakarta(report: MonthReport) -> None:
    ids = sorted(line.case.id for line in report.cases)
    # 19 (1 April 03:00 WIB) and 21 (February) are out; 20 (1 March 00:30 WIB) is in.
    assert ids == [*range(1, 19), 20, 22, 23]
    assert report.cases[0].case.id == 20  # in order received


def test_totals(report: MonthReport) -> None:
    # answered: 20 1 18 23 22 2 3 4 5 6 7 8 14 15 = 14; closed: 20 1 18 23 3 5 7 = 7
    # not_complaint: 10 (not a complaint) + 11 (duplicate) = 2; overdue: 22 7 9 12 13 15 = 6
    # days sorted: 0 0 2 2 3 3 3 4 5 5 5 6 6 7 (n=14): median (3+4)/2 = 3.5;
    # p90: ceil(0.9*14) = 13 -> the 13th value, 6
    assert report.total == GroupStats("", "", 21, 14, 7, 2, 6, 3.5, 6)


def test_per_agency(report: MonthReport) -> None:
    assert report.agencies == (
        # 1 22 2 7 15; days 2 6 6 7 5 -> 2 5 6 6 7: median 6, p90 ceil(4.5)=5th = 7;
        # overdue 22 (answered late) 7 (answered late) 15 (assigned late)
        GroupStats("DPUBMCK", "Dinas PU Bina Marga dan Cipta Karya", 5, 5, 2, 0, 3, 6, 7),
        # 3 4 8 16; days 3 5 3 -> 3 3 5: median 3, p90 ceil(2.7)=3rd = 5; 16 due Apr 7
        GroupStats("DLHK", "Dinas Lingkungan Hidup dan Kehutanan", 4, 3, 1, 0, 0, 3, 5),
        # 20 5 14; days 2 0 4 -> 0 2 4: median 2, p90 3rd = 4
        GroupStats("BPBD", "BPBD Provinsi Jawa Tengah", 3, 3, 2, 0, 0, 2, 4),
        # 18 6 12; days 3 5: median 4, p90 ceil(1.8)=2nd = 5; overdue 12
        GroupStats("DISHUB", "Dinas Perhubungan", 3, 2, 1, 0, 1, 4, 5),
        # unassigned: 23 9 10 11 13 17; answered 23 (0 days); overdue 9 13; 10 11 dismissed
        GroupStats("", "", 6, 1, 1, 2, 2, 0, 0),
    )
    assert sum(row.received for row in report.agencies) == report.total.received


def test_per_topic(report: MonthReport) -> None:
    assert report.topics == (
        # 1 22 2 7 9 11 15; answered 1 22 2 7 15 (days 2 6 6 7 5); 11 duplicate;
        # overdue 22 7 9 15
        GroupStats("jalan", "jalan", 7, 5, 2, 1, 4, 6, 7),
        # 20 4 5 13 14; days 2 5 0 4 -> 0 2 4 5: median 3, p90 ceil(3.6)=4th = 5; overdue 13
        GroupStats("banjir", "banjir", 5, 4, 2, 0, 1, 3, 5),
        # 3 4 8; days 3 5 3
        GroupStats("sampah", "sampah", 3, 3, 1, 0, 0, 3, 5),
        # 18 23 12; days 3 0: median 1.5, p90 2nd = 3; overdue 12
        GroupStats("transportasi", "transportasi", 3, 2, 2, 0, 1, 1.5, 3),
        # 6 17; days 5
        GroupStats("lampu", "lampu", 2, 1, 0, 0, 0, 5, 5),
        # no topic: 10 (not a complaint) and 16 (open, not yet due)
        GroupStats("", "", 2, 0, 0, 1, 0, None, None),
    )
    # case 4 has two topics: 21 cases, 22 topic rows
    assert sum(row.received for row in report.topics) == 22


def test_per_day(report: MonthReport) -> None:
    expected = [0] * 31
    for day in (1, 4, 5, 6, 9, 10, 11, 12, 16, 17, 18, 21, 23, 25, 26, 27, 28, 30, 31):
        expected[day - 1] = 1
    expected[2 - 1] = 2  # cases 1 and 18
    assert report.per_day == tuple(expected)


def test_weekly_trend(report: MonthReport) -> None:
    # ISO weeks clipped to March. Days to answer of the cases received in each week:
    # W9 (1): 20=2 | W10 (2-8): 1=2 18=3 23=0 22=6 2=6 -> 0 2 3 6 6: 3
    # W11 (9-15): 3=3 4=5 5=0 6=5 -> 0 3 5 5: 4 | W12 (16-22): 7=7 8=3 (9, 10 open/dismissed): 5
    # W13 (23-29): 14=4 15=5 (11 12 13 not answered): 4.5 | W14 (30-31): 16 17 open: none
    weeks = [
        (w.iso_week, w.first.day, w.last.day, w.received, w.answered, w.median_days)
        for w in report.weeks
    ]
    assert weeks == [
        (9, 1, 1, 1, 1, 2),
        (10, 2, 8, 5, 5, 3),
        (11, 9, 15, 4, 4, 4),
        (12, 16, 22, 4, 2, 5),
        (13, 23, 29, 5, 2, 4.5),
        (14, 30, 31, 2, 0, None),
    ]


def test_top_words_and_phrases(report: MonthReport) -> None:
    # Counted in cases (a case counts a word once); case 10 (not a complaint) left out;
    # hashtags (#KemalaJateng), @handles, links, numbers and stopwords (di, mohon, lagi...)
    # dropped. jalan: 1 22 2 6 7 9 11 15; rusak: 1 22 2 7 9 11 15; banjir: 20 4 5 13 14;
    # diperbaiki: 1 22 2 11; bus, trans, jateng: 18 23 12; mati: 6 12 17; sampah: 3 4 8;
    # then the first of the many words in two cases: air (4, 16).
    assert report.top_words == (
        Term("jalan", 8),
        Term("rusak", 7),
        Term("banjir", 5),
        Term("diperbaiki", 4),
        Term("bus", 3),
        Term("jateng", 3),
        Term("mati", 3),
        Term("sampah", 3),
        Term("trans", 3),
        Term("air", 2),
    )
    # A phrase never spans a stopword, number or punctuation: "depan SD Negeri 2 Kudus"
    # gives "depan sd" and "sd negeri" but no "negeri kudus".
    assert report.top_phrases[:8] == (
        Term("jalan rusak", 7),
        Term("bus trans", 3),
        Term("trans jateng", 3),
        Term("depan sd", 2),  # 9 11
        Term("jateng koridor", 2),  # 18 12
        Term("sampah menumpuk", 2),  # 3 8
        Term("sd negeri", 2),  # 9 11
        Term("ac mati", 1),  # 12
    )
    assert len(report.top_phrases) == 10
    assert all(t.cases == 1 for t in report.top_phrases[7:])


def test_terms_leave_out_links_handles_tags_numbers_and_stopwords() -> None:
    words, phrases = top_terms(
        [
            "Tolong @dinas.pu@mastodon.go.id cek https://x.co/a?b=1 jalan-jalan RT05 #Banjir "
            "the road is broken, 2 km",
            "WWW.contoh.go.id: Jalan-Jalan rusak; road broken!",
        ]
    )
    assert {t.text for t in words} == {"cek", "jalan-jalan", "road", "broken", "km", "rusak"}
    assert Term("jalan-jalan", 2) in words
    assert {t.text for t in phrases} == {"jalan-jalan rusak", "road broken"}


def test_nearest_rank() -> None:
    assert nearest_rank([], 0.9) is None
    assert nearest_rank([4], 0.9) == 4
    assert nearest_rank(list(range(1, 11)), 0.9) == 9  # ceil(9.0) = 9th
    assert nearest_rank(list(range(1, 12)), 0.9) == 10  # ceil(9.9) = 10th


def test_a_month_without_cases(report: MonthReport) -> None:
    month = load_month()
    empty = month_report(
        month.cases,
        year=2026,
        month=2,
        calendar=month.calendar,
        rules=DeadlineRules(),
        agencies=month.agencies,
        topics=month.topics,
        now=month.now,
    )
    assert [line.case.id for line in empty.cases] == [21]
    nothing = month_report(
        [],
        year=2026,
        month=12,
        calendar=month.calendar,
        rules=DeadlineRules(),
        agencies=[],
        topics=[],
        now=month.now,
    )
    assert nothing.total == GroupStats("", "", 0, 0, 0, 0, 0, None, None)
    assert nothing.agencies == ()
    assert nothing.topics == ()
    assert len(nothing.per_day) == 31
    assert nothing.top_words == ()
    assert nothing.top_phrases == ()
    assert len(nothing.weeks) == 5  # Dec 2026: 1-6, 7-13, 14-20, 21-27, 28-31


def test_summary_csv(report: MonthReport) -> None:
    text = report_csv(report, {"": "Belum ditugaskan", "DLHK": "DLHK Jateng"}, {"": "Tanpa topik"})
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == SUMMARY_HEADER
    name = "Dinas PU Bina Marga dan Cipta Karya"
    assert rows[1] == ["agency", "DPUBMCK", name, "5", "5", "2", "0", "3", "6", "7"]
    assert rows[2][:3] == ["agency", "DLHK", "DLHK Jateng"]
    assert rows[5][:4] == ["agency", "", "Belum ditugaskan", "6"]
    assert rows[9] == ["topic", "transportasi", "transportasi", "3", "2", "2", "0", "1", "1.5", "3"]
    assert rows[11] == ["topic", "", "Tanpa topik", "2", "0", "0", "1", "0", "", ""]
    assert rows[-1] == ["total", "", "", "21", "14", "7", "2", "6", "3.5", "6"]
    assert len(rows) == 1 + 5 + 6 + 1


def test_cases_csv(report: MonthReport) -> None:
    rows = list(csv.DictReader(io.StringIO(cases_csv(report.cases, zone=WIB))))
    assert tuple(rows[0]) == CASES_HEADER
    assert len(rows) == 21
    first = rows[0]
    assert first["id"] == "20"
    assert first["received_at"] == "2026-03-01T00:30:00+07:00"
    assert first["answered_at"] == "2026-03-03T10:00:00+07:00"
    assert first["working_days_to_answer"] == "2"
    assert first["overdue"] == "0"
    by_id = {row["id"]: row for row in rows}
    assert by_id["4"]["topics"] == "sampah; banjir"
    assert by_id["9"]["overdue"] == "1"
    assert by_id["9"]["working_days_to_answer"] == ""
    assert by_id["9"]["agency"] == ""
    assert sum(int(row["overdue"]) for row in rows) == report.total.overdue


def test_cases_csv_defuses_formulas(report: MonthReport) -> None:
    line = report.cases[0]
    evil = replace(line, case=replace(line.case, text='=HYPERLINK("x")', author_handle="@budi"))
    row = next(csv.DictReader(io.StringIO(cases_csv([evil], zone=WIB))))
    assert row["text"] == '\'=HYPERLINK("x")'
    assert row["author"] == "'@budi"
