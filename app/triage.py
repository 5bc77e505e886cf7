"""The triage inbox's policy, between the store and the UI: the office's working-day
calendar and deadline rules, who is making changes, the default lists. No Qt here."""

from __future__ import annotations

import getpass
import logging
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app import reach, report
from app.deadlines import DeadlineRules, current_due
from app.settings import Settings
from app.store import Store
from app.triage_lists import default_agencies, default_topics
from app.workdays import JAKARTA, WorkCalendar, default_holidays

log = logging.getLogger(__name__)

_SEEDED = "triage.seeded"
_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


def seed_defaults(store: Store) -> None:
    """Give a new cache the default agencies, topics and holiday calendar, once: an office
    that empties a list on purpose keeps it empty."""
    if store.setting(_SEEDED) is not None:
        return
    if not store.agencies():
        store.save_agencies(default_agencies())
    if not store.topics():
        store.save_topics(default_topics())
    if not store.holidays():
        store.save_holidays(default_holidays())
    store.set_setting(_SEEDED, "1")


def office_zone(settings: Settings) -> ZoneInfo:
    """The office's zone for days and deadlines; a PC set to "system" counts in WIB, since
    the holidays are Indonesia's anyway."""
    name = settings.get("timezone")
    return ZoneInfo(name) if name in _ZONES else JAKARTA


def calendar(store: Store, settings: Settings) -> WorkCalendar:
    """Working days in the office's zone."""
    return WorkCalendar(store.holidays(), office_zone(settings))


def rules(settings: Settings) -> DeadlineRules:
    return DeadlineRules(int(settings.get("assign_days")), int(settings.get("answer_days")))


def operator(settings: Settings) -> str:
    """Who this PC's changes are credited to in a case's history."""
    name = settings.get("operator").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service account)
        return "?"


def overdue_open_cases(store: Store, settings: Settings, inbox_id: int, now: datetime) -> int:
    """How many of an inbox's open cases are past their current deadline."""
    cal, stage_rules = calendar(store, settings), rules(settings)
    late = 0
    for case in store.open_cases(inbox_id):
        due = current_due(case, cal, stage_rules)
        late += due is not None and due.at < now
    return late


def month_report(
    store: Store, settings: Settings, year: int, month: int, now: datetime
) -> report.MonthReport:
    """The monthly report of the cases received in that month, judged at `now`."""
    cal = calendar(store, settings)
    start, end = report.month_bounds(year, month, cal.zone)
    cases = report.month_report(
        store.cases_received(start, end),
        year=year,
        month=month,
        calendar=cal,
        rules=rules(settings),
        agencies=store.agencies(),
        topics=store.topics(),
        now=now,
    )
    accounts = store.accounts()
    first, last = start.date(), (end - timedelta(days=1)).date()
    month_reach = reach.month_reach(
        accounts,
        store.follower_samples(first, last),
        store.own_posts([a.id for a in accounts], start, end),
        first=first,
        last=last,
        zone=cal.zone,
    )
    return replace(cases, reach=month_reach)
