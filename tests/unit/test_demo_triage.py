"""The demo's triage inbox: a month of #KemalaJateng cases in every state, whose report
agrees with the inbox."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import demo, triage
from app.deadlines import current_due
from app.model import CaseAction, CaseStatus
from app.settings import Settings
from app.store import Store

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    opened = Store.open(path)
    demo.populate(opened, now=NOW)
    yield opened
    opened.close()


def inbox_id(store: Store) -> int:
    column = next(c for c in store.columns() if c.spec.kind == "inbox")
    assert column.spec.id is not None
    return column.spec.id


def test_cases_in_every_state_with_some_overdue(store: Store) -> None:
    cases = store.cases_received(datetime(2026, 10, 1, tzinfo=UTC), NOW)
    states = Counter(c.status for c in cases)
    assert set(states) >= {
        CaseStatus.NEW,
        CaseStatus.ASSIGNED,
        CaseStatus.ANSWERED,
        CaseStatus.CLOSED,
        CaseStatus.NOT_COMPLAINT,
    }
    assert len(cases) >= 80  # about five weeks at a few a day
    settings = Settings(store)
    assert triage.overdue_open_cases(store, settings, inbox_id(store), NOW) >= 1
    # the newest cases came in from the demo's #KemalaJateng column itself
    recent = [c for c in cases if c.status is CaseStatus.NEW and c.source.endswith("kemalajateng")]
    assert recent


def test_each_case_history_matches_its_state(store: Store) -> None:
    for case in store.cases_received(datetime(2026, 10, 1, tzinfo=UTC), NOW):
        actions = [e.action for e in store.case_history(case.id)]
        assert actions[0] == CaseAction.CREATED
        assert (CaseAction.AGENCY in actions) == (case.agency_code != "")
        assert (case.answered_at is not None) == (CaseAction.ANSWER in actions)
        if case.assigned_at and case.answered_at:
            assert case.received_at <= case.assigned_at <= case.answered_at


def test_the_open_inbox_shows_deadlines(store: Store) -> None:
    kind_page = store.case_entries(
        inbox_id(store), (CaseStatus.NEW, CaseStatus.ASSIGNED), before=None, limit=200
    )
    settings = Settings(store)
    cal, rules = triage.calendar(store, settings), triage.rules(settings)
    assert kind_page
    for entry in kind_page:
        assert entry.case is not None
        assert current_due(entry.case, cal, rules) is not None


def test_the_month_report_adds_up_to_the_inbox(store: Store) -> None:
    settings = Settings(store)
    report = triage.month_report(store, settings, 2026, 10, NOW)
    cal = triage.calendar(store, settings)
    in_october = [
        c
        for c in store.cases_received(datetime(2026, 9, 1, tzinfo=UTC), NOW)
        if (c.received_at.astimezone(cal.zone).year, c.received_at.astimezone(cal.zone).month)
        == (2026, 10)
    ]
    assert report.total.received == len(in_october) > 0
    assert sum(row.received for row in report.agencies) == report.total.received
    answered = [c for c in in_october if c.answered_at is not None]
    assert report.total.answered == len(answered)
    assert report.total.median_days is not None
