"""The triage tables: intake of posts as cases, edits and their history, lists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.model import (
    Agency,
    CaseAction,
    CaseStatus,
    ColumnSpec,
    Conversation,
    Holiday,
    HolidayKind,
    Network,
    Person,
    Topic,
)
from app.store import CASES_CHANGED, Store
from app.store_triage import SYSTEM_ACTOR, CaseChange
from tests.factories import make_account, make_person, make_post

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=7)
TAG_FEED = "acct-1|tag|any:kemalajateng"
MENTIONS = "acct-1|mentions"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cache.sqlite3")
    opened.upsert_account(replace(make_account(), remote_id="id-lpse"))
    yield opened
    opened.close()


def inbox(store: Store) -> int:
    state = store.add_column(ColumnSpec("inbox", options={"tags": ["KemalaJateng"]}))
    assert state.spec.id is not None
    return state.spec.id


def posts(store: Store, feed: str, *ids: str, hours_ago: int = 1) -> None:
    store.upsert_posts(
        feed,
        [make_post(remote_id=i, created_at=NOW - timedelta(hours=hours_ago)) for i in ids],
        fetched_at=NOW,
    )


def test_posts_in_the_sources_become_new_cases_once(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1", "2")
    posts(store, MENTIONS, "2", "3")  # "2" is in both feeds: one case
    heard: list[frozenset[str]] = []
    store.add_listener(heard.append)

    created = store.take_in_cases(inbox_id, [TAG_FEED, MENTIONS], since=SINCE, now=NOW)

    assert len(created) == 3
    assert heard == [frozenset({CASES_CHANGED})]
    assert store.take_in_cases(inbox_id, [TAG_FEED, MENTIONS], since=SINCE, now=NOW) == []
    entries = store.case_entries(inbox_id, list(CaseStatus), before=None, limit=10)
    assert sorted(e.post.remote_id for e in entries) == ["1", "2", "3"]
    case = entries[0].case
    assert case is not None
    assert case.status is CaseStatus.NEW
    assert case.author_handle == "warga1"
    assert case.received_at == NOW - timedelta(hours=1)
    history = store.case_history(case.id)
    assert [(e.action, e.actor) for e in history] == [(CaseAction.CREATED, SYSTEM_ACTOR)]


def test_intake_skips_old_posts_and_the_office_own_posts(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "old", hours_ago=24 * 8)
    own = make_post(remote_id="own", author=Person(Network.MASTODON, "id-lpse", "lpse", "LPSE"))
    store.upsert_posts(TAG_FEED, [own], fetched_at=NOW)

    assert store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW) == []


def test_a_post_dated_in_the_future_is_received_now(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1", hours_ago=-5)
    (case_id,) = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    case = store.case(case_id)
    assert case is not None
    assert case.received_at == NOW


def test_a_conversation_has_one_open_case_at_a_time(store: Store) -> None:
    inbox_id = inbox(store)
    feed = "acct-1|conversations"
    citizen = make_person("warga2")

    def message(remote_id: str) -> None:
        post = make_post(remote_id=remote_id, author=citizen, created_at=NOW)
        conv = Conversation(Network.MASTODON, "c1", "acct-1", (citizen,), post, True, NOW)
        store.upsert_conversations(feed, [conv], fetched_at=NOW)

    message("m1")
    (first,) = store.take_in_cases(inbox_id, [feed], since=SINCE, now=NOW)
    message("m2")  # the same citizen writes again while the case is open
    assert store.take_in_cases(inbox_id, [feed], since=SINCE, now=NOW) == []
    store.update_case(first, CaseChange(status=CaseStatus.ANSWERED), actor="ani", now=NOW)
    message("m3")  # after the answer, a new message is a new case
    assert len(store.take_in_cases(inbox_id, [feed], since=SINCE, now=NOW)) == 1


def test_edits_write_one_history_line_per_real_change(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1")
    (case_id,) = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    later = NOW + timedelta(hours=2)

    case = store.update_case(
        case_id, CaseChange(agency_code="DPUBM", topics=("Jalan",)), actor="ani", now=later
    )

    assert case is not None
    # an agency on a new case assigns it, and the assignment is timed
    assert case.status is CaseStatus.ASSIGNED
    assert case.assigned_at == later
    assert case.topics == ("Jalan",)
    again = store.update_case(case_id, CaseChange(agency_code="DPUBM"), actor="ani", now=later)
    assert again == case
    actions = [(e.action, e.old, e.new, e.actor) for e in store.case_history(case_id)[1:]]
    assert actions == [
        (CaseAction.AGENCY, "", "DPUBM", "ani"),
        (CaseAction.STATUS, "new", "assigned", "ani"),
        (CaseAction.TOPICS, "", "Jalan", "ani"),
    ]


def test_answer_then_close_keeps_the_first_answer_time(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1")
    (case_id,) = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    t1, t2 = NOW + timedelta(hours=1), NOW + timedelta(days=1)
    store.update_case(case_id, CaseChange(status=CaseStatus.ANSWERED), actor="a", now=t1)
    case = store.update_case(case_id, CaseChange(status=CaseStatus.CLOSED), actor="a", now=t2)
    assert case is not None
    assert (case.answered_at, case.closed_at) == (t1, t2)


def test_bulk_assignment_is_one_transaction_and_skips_missing(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1", "2", "3")
    ids = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    heard: list[frozenset[str]] = []
    store.add_listener(heard.append)

    done = store.update_cases([*ids, 999], CaseChange(agency_code="PDAM"), actor="a", now=NOW)

    assert done == ids
    assert len(heard) == 1
    assert {store.case(i).agency_code for i in ids} == {"PDAM"}  # type: ignore[union-attr]


def test_notes_are_history_and_blank_notes_are_refused(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1")
    (case_id,) = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    store.add_case_note(case_id, "  Sudah ditelepon, tunggu survei  ", actor="budi", now=NOW)
    with pytest.raises(ValueError, match="note"):
        store.add_case_note(case_id, "   ", actor="budi", now=NOW)
    notes = [e for e in store.case_history(case_id) if e.action == CaseAction.NOTE]
    assert [(n.new, n.actor) for n in notes] == [("Sudah ditelepon, tunggu survei", "budi")]


def test_a_reply_sent_from_pantau_answers_the_case(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1", "2")
    store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    answered = store.record_answer(
        Network.MASTODON, "sosmed.example", reply_to="2", conversation="", account_id="acct-1",
        answer_url="https://sosmed.example/@lpse/9", actor="ani", now=NOW,
    )
    assert answered is not None
    case = store.case(answered)
    assert case is not None
    assert (case.remote_id, case.status, case.answer_url) == (
        "2", CaseStatus.ANSWERED, "https://sosmed.example/@lpse/9"
    )
    # a reply to a post that is no case answers nothing
    assert store.record_answer(
        Network.MASTODON, "sosmed.example", reply_to="77", conversation="", account_id="acct-1",
        answer_url="", actor="ani", now=NOW,
    ) is None


def test_paging_and_status_filter(store: Store) -> None:
    inbox_id = inbox(store)
    for n in range(5):
        posts(store, TAG_FEED, str(n), hours_ago=n + 1)
    ids = store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    store.update_case(ids[0], CaseChange(status=CaseStatus.NOT_COMPLAINT), actor="a", now=NOW)

    first = store.case_entries(inbox_id, [CaseStatus.NEW], before=None, limit=2)
    rest = store.case_entries(inbox_id, [CaseStatus.NEW], before=first[-1].key, limit=10)

    shown = [e.post.remote_id for e in first + rest]
    assert shown == ["0", "1", "2", "3"]  # newest first; "4" (oldest) is not a complaint


def test_a_case_outlives_the_cached_post(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1")
    store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    store.remove_account("acct-1", purge=True)
    (entry,) = store.case_entries(inbox_id, list(CaseStatus), before=None, limit=5)
    assert entry.post.text == "Jalan di Kudus berlubang #KemalaJateng"
    assert entry.post.author.handle == "warga1"


def test_cases_of_a_removed_inbox_show_in_the_others(store: Store) -> None:
    old, new = inbox(store), inbox(store)
    posts(store, TAG_FEED, "1")
    store.take_in_cases(old, [TAG_FEED], since=SINCE, now=NOW)
    assert store.case_entries(new, list(CaseStatus), before=None, limit=5) == []
    store.remove_column(old)
    assert len(store.case_entries(new, list(CaseStatus), before=None, limit=5)) == 1


def test_lists_round_trip_in_order(store: Store) -> None:
    agencies = [Agency("PDAM", "Perumda Air Minum"), Agency("BPBD", "BPBD", active=False)]
    store.save_agencies(agencies)
    assert [(a.code, a.active) for a in store.agencies()] == [("PDAM", True), ("BPBD", False)]
    store.save_topics([Topic("Air bersih", ("air mati", "pdam"), "PDAM")])
    (topic,) = store.topics()
    assert (topic.keywords, topic.agency_code) == (("air mati", "pdam"), "PDAM")
    store.save_holidays([
        Holiday(date(2026, 12, 25), "Natal"),
        Holiday(date(2026, 12, 24), "Cuti bersama Natal", HolidayKind.JOINT_LEAVE),
    ])
    assert [h.day.day for h in store.holidays()] == [24, 25]


def test_cases_received_in_a_month(store: Store) -> None:
    inbox_id = inbox(store)
    posts(store, TAG_FEED, "1", hours_ago=1)
    posts(store, TAG_FEED, "2", hours_ago=24 * 3)
    store.take_in_cases(inbox_id, [TAG_FEED], since=SINCE, now=NOW)
    start = datetime(2026, 11, 21, tzinfo=UTC)
    assert [c.remote_id for c in store.cases_received(start, NOW)] == ["1"]
