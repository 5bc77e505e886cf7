"""The triage inbox's rows: cases and their history, agencies, topics and holidays.

The SQL here stays portable (see schema v9): several PCs may later share these tables on a
PostgreSQL server, so no SQLite-only syntax and no local post ids in what a case stores.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from app import schema
from app.model import (
    Agency,
    Case,
    CaseAction,
    CaseEvent,
    CaseStatus,
    Entry,
    EntryKind,
    Holiday,
    HolidayKind,
    Network,
    Person,
    Post,
    Topic,
)
from app.schema import POST_COLUMNS, parse_time, placeholders, to_iso, to_ms
from app.store_base import CASES_CHANGED
from app.store_local import LocalData

SYSTEM_ACTOR = "Pantau"
"""Who a change was made by when no person made it (intake, an answer sent from Pantau
is credited to the operator instead)."""

_CASE_COLUMNS = """cases.id AS c_id, cases.inbox_id AS c_inbox_id, cases.network AS c_network,
    cases.instance AS c_instance, cases.remote_id AS c_remote_id,
    cases.account_id AS c_account_id, cases.source AS c_source,
    cases.conversation_id AS c_conversation_id, cases.author_handle AS c_author_handle,
    cases.author_name AS c_author_name, cases.text AS c_text, cases.url AS c_url,
    cases.posted_at AS c_posted_at, cases.received_at AS c_received_at,
    cases.sort_key AS c_sort_key, cases.status AS c_status,
    cases.agency_code AS c_agency_code, cases.assignee AS c_assignee,
    cases.assigned_at AS c_assigned_at, cases.answered_at AS c_answered_at,
    cases.closed_at AS c_closed_at, cases.answer_url AS c_answer_url,
    cases.duplicate_of AS c_duplicate_of, cases.updated_at AS c_updated_at"""

# A case whose inbox column is gone shows in every inbox rather than nowhere.
_IN_INBOX = """(cases.inbox_id = ? OR cases.inbox_id IS NULL
    OR cases.inbox_id NOT IN (SELECT id FROM columns WHERE kind = 'inbox'))"""


@dataclass(frozen=True, slots=True)
class CaseChange:
    """What one edit of a case sets; None leaves a field as it is."""

    status: CaseStatus | None = None
    agency_code: str | None = None
    assignee: str | None = None
    topics: tuple[str, ...] | None = None
    answer_url: str | None = None
    duplicate_of: int | None = None


def _optional_time(value: object) -> datetime | None:
    return parse_time(str(value)) if value else None


def _case_from_row(row: sqlite3.Row) -> Case:
    return Case(
        id=row["c_id"],
        network=Network(row["c_network"]),
        remote_id=row["c_remote_id"],
        account_id=row["c_account_id"],
        author_handle=row["c_author_handle"],
        author_name=row["c_author_name"],
        text=row["c_text"],
        posted_at=parse_time(row["c_posted_at"]),
        received_at=parse_time(row["c_received_at"]),
        status=CaseStatus(row["c_status"]),
        instance=row["c_instance"],
        url=row["c_url"],
        source=row["c_source"],
        conversation_id=row["c_conversation_id"],
        agency_code=row["c_agency_code"],
        assignee=row["c_assignee"],
        assigned_at=_optional_time(row["c_assigned_at"]),
        answered_at=_optional_time(row["c_answered_at"]),
        closed_at=_optional_time(row["c_closed_at"]),
        answer_url=row["c_answer_url"],
        duplicate_of=row["c_duplicate_of"],
        updated_at=_optional_time(row["c_updated_at"]),
    )


def _case_and_post(row: sqlite3.Row) -> tuple[Case, Post | None]:
    cached = schema.post_from_row(row) if row["post_id"] is not None else None
    return _case_from_row(row), cached


def _snapshot_post(case: Case) -> Post:
    """The case's own copy of its post, for when the cache no longer has the post."""
    author = Person(case.network, "", case.author_handle, case.author_name)
    lines = case.text.replace("\r\n", "\n").split("\n")
    return Post(
        network=case.network,
        remote_id=case.remote_id,
        account_id=case.account_id,
        author=author,
        created_at=case.posted_at,
        html="<br>".join(html.escape(line) for line in lines),
        text=case.text,
        url=case.url,
        instance=case.instance,
    )


def _event_from_row(row: sqlite3.Row) -> CaseEvent:
    return CaseEvent(
        case_id=row["case_id"],
        at=parse_time(row["at"]),
        actor=row["actor"],
        action=row["action"],
        old=row["old"],
        new=row["new"],
        id=row["id"],
    )


class TriageData(LocalData):
    """Cases, their history and the lists they refer to."""

    # agencies, topics, holidays

    def agencies(self) -> list[Agency]:
        return self._select(
            "SELECT * FROM agencies ORDER BY position, id", (),
            lambda r: Agency(r["code"], r["name"], bool(r["active"]), id=r["id"]),
        )

    def save_agencies(self, agencies: Sequence[Agency]) -> None:
        """Replace the list (in this order). Cases keep the codes they were given."""
        with self._write(CASES_CHANGED):
            self._exec("DELETE FROM agencies")
            for position, agency in enumerate(agencies):
                self._exec(
                    """INSERT INTO agencies (code, name, active, position)
                    VALUES (?, ?, ?, ?)""",
                    (agency.code, agency.name, int(agency.active), position),
                )

    def topics(self) -> list[Topic]:
        return self._select(
            "SELECT * FROM topics ORDER BY position, id", (),
            lambda r: Topic(
                r["name"], tuple(k.strip() for k in r["keywords"].split(";") if k.strip()),
                r["agency_code"], id=r["id"],
            ),
        )

    def save_topics(self, topics: Sequence[Topic]) -> None:
        with self._write(CASES_CHANGED):
            self._exec("DELETE FROM topics")
            for position, topic in enumerate(topics):
                self._exec(
                    """INSERT INTO topics (name, keywords, agency_code, position)
                    VALUES (?, ?, ?, ?)""",
                    (topic.name, "; ".join(topic.keywords), topic.agency_code, position),
                )

    def holidays(self) -> list[Holiday]:
        return self._select(
            "SELECT * FROM holidays ORDER BY day", (),
            lambda r: Holiday(date.fromisoformat(r["day"]), r["name"], HolidayKind(r["kind"])),
        )

    def save_holidays(self, holidays: Iterable[Holiday]) -> None:
        with self._write(CASES_CHANGED):
            self._exec("DELETE FROM holidays")
            for day in {h.day: h for h in holidays}.values():
                self._exec(
                    "INSERT INTO holidays (day, kind, name) VALUES (?, ?, ?)",
                    (day.day.isoformat(), day.kind.value, day.name),
                )

    # intake

    def take_in_cases(
        self, inbox_id: int, feed_keys: Sequence[str], *, since: datetime, now: datetime
    ) -> list[int]:
        """Open a case for each post filed under `feed_keys` (and each conversation's newest
        message) posted since `since` that is not a case yet, not written by one of the
        office's own accounts, and, for a conversation, not already an open case. Returns
        the new case ids; listeners hear CASES_CHANGED when there are any."""
        keys = list(dict.fromkeys(feed_keys))
        if not keys:
            return []
        marks = placeholders(len(keys))
        not_own = """NOT EXISTS (SELECT 1 FROM accounts AS a
            WHERE a.network = people.network AND a.remote_id = people.remote_id)"""
        not_case = """NOT EXISTS (SELECT 1 FROM cases AS c WHERE c.network = posts.network
            AND c.instance = posts.instance AND c.remote_id = posts.remote_id)"""
        sql = f"""SELECT posts.network, posts.instance, posts.remote_id, posts.account_id,
                posts.created_at, posts.text, posts.url, '' AS conversation,
                people.handle, people.display_name, feed_items.feed_key
            FROM feed_items JOIN posts ON posts.id = feed_items.post_id
            JOIN people ON people.id = posts.author_id
            WHERE feed_items.feed_key IN ({marks}) AND posts.created_at >= ?
                AND {not_own} AND {not_case}
            UNION ALL
            SELECT posts.network, posts.instance, posts.remote_id, conversations.account_id,
                posts.created_at, posts.text, posts.url, conversations.remote_id,
                people.handle, people.display_name, conversation_feeds.feed_key
            FROM conversation_feeds
            JOIN conversations ON conversations.id = conversation_feeds.conversation_id
            JOIN posts ON posts.id = conversations.last_post_id
            JOIN people ON people.id = posts.author_id
            WHERE conversation_feeds.feed_key IN ({marks}) AND posts.created_at >= ?
                AND {not_own} AND {not_case}
                AND NOT EXISTS (SELECT 1 FROM cases AS c
                    WHERE c.account_id = conversations.account_id
                    AND c.conversation_id = conversations.remote_id
                    AND c.status IN ('new', 'assigned'))
            ORDER BY 5"""  # noqa: S608
        since_text = to_iso(since)
        rows = self._select(sql, [*keys, since_text, *keys, since_text], tuple)
        created: list[int] = []
        if not rows:
            return created
        stamp = to_iso(now)
        with self._write(CASES_CHANGED):
            seen: set[tuple[str, str, str]] = set()
            for row in rows:
                (network, instance, remote_id, account_id, posted, text, url, conversation,
                 handle, name, feed_key) = row
                if (network, instance, remote_id) in seen:
                    continue  # filed under two of the keys
                seen.add((network, instance, remote_id))
                # A post dated in the future (a wrong clock) starts its deadline now.
                received = min(parse_time(posted), now)
                cursor = self._exec(
                    """INSERT INTO cases (inbox_id, network, instance, remote_id, account_id,
                        source, conversation_id, author_handle, author_name, text, url,
                        posted_at, received_at, sort_key, status, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)
                    RETURNING id""",
                    (inbox_id, network, instance, remote_id, account_id, feed_key, conversation,
                     handle, name, text, url, posted, to_iso(received), to_ms(received), stamp),
                )
                case_id = int(cursor.fetchone()[0])
                self._add_event(
                    CaseEvent(case_id, now, SYSTEM_ACTOR, CaseAction.CREATED, "", feed_key)
                )
                created.append(case_id)
        return created

    def add_case(self, case: Case, *, inbox_id: int | None = None) -> int:
        """Store a case as it is (demo data, an import); returns its id."""
        with self._write(CASES_CHANGED):
            cursor = self._exec(
                """INSERT INTO cases (inbox_id, network, instance, remote_id, account_id,
                    source, conversation_id, author_handle, author_name, text, url,
                    posted_at, received_at, sort_key, status, agency_code, assignee,
                    assigned_at, answered_at, closed_at, answer_url, duplicate_of, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""",
                (inbox_id, case.network.value, case.instance, case.remote_id, case.account_id,
                 case.source, case.conversation_id, case.author_handle, case.author_name,
                 case.text, case.url,
                 to_iso(case.posted_at), to_iso(case.received_at), to_ms(case.received_at),
                 case.status.value, case.agency_code, case.assignee,
                 _iso_or_none(case.assigned_at), _iso_or_none(case.answered_at),
                 _iso_or_none(case.closed_at), case.answer_url, case.duplicate_of,
                 to_iso(case.updated_at or case.received_at)),
            )
            case_id = int(cursor.fetchone()[0])
            for topic in dict.fromkeys(case.topics):
                self._exec(
                    "INSERT INTO case_topics (case_id, topic) VALUES (?, ?)", (case_id, topic)
                )
        return case_id

    def add_case_event(self, event: CaseEvent) -> None:
        """Record a line of history as it happened (demo data, an import)."""
        with self._write(CASES_CHANGED):
            self._add_event(event)

    # reading

    def case(self, case_id: int) -> Case | None:
        cases = self._cases(f"SELECT {_CASE_COLUMNS} FROM cases WHERE id = ?", (case_id,))  # noqa: S608
        return cases[0] if cases else None

    def cases_received(self, start: datetime, end: datetime) -> list[Case]:
        """Cases received in [start, end), oldest first (a report's month)."""
        return self._cases(
            f"""SELECT {_CASE_COLUMNS} FROM cases WHERE received_at >= ? AND received_at < ?
            ORDER BY received_at, id""",  # noqa: S608
            (to_iso(start), to_iso(end)),
        )

    def open_cases(self, inbox_id: int) -> list[Case]:
        """New and assigned cases of an inbox: what its header counts as overdue."""
        return self._cases(
            f"""SELECT {_CASE_COLUMNS} FROM cases WHERE {_IN_INBOX}
            AND status IN ('new', 'assigned') ORDER BY received_at, id""",  # noqa: S608
            (inbox_id,),
        )

    def case_entries(
        self,
        inbox_id: int,
        statuses: Sequence[CaseStatus],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        """An inbox's cases in these states, newest received first, after `before`. Each
        shows its cached post when the cache still has it, else the case's own copy."""
        if limit <= 0 or not statuses:
            return []
        where = [_IN_INBOX, f"cases.status IN ({placeholders(len(statuses))})"]
        params: list[object] = [inbox_id, *(s.value for s in statuses)]
        if before:
            where.append("(cases.sort_key, cases.id) < (?, ?)")
            params += before
        sql = f"""SELECT {_CASE_COLUMNS}, {POST_COLUMNS} FROM cases
            LEFT JOIN posts ON posts.network = cases.network
                AND posts.instance = cases.instance AND posts.remote_id = cases.remote_id
            LEFT JOIN people ON people.id = posts.author_id
            WHERE {" AND ".join(where)}
            ORDER BY cases.sort_key DESC, cases.id DESC LIMIT ?"""  # noqa: S608
        rows = self._select(sql, [*params, limit], _case_and_post)
        topics = self._topics_of([case.id for case, _ in rows])
        entries = []
        for bare, cached in rows:
            case = replace(bare, topics=topics.get(bare.id, ()))
            entries.append(
                Entry(to_ms(case.received_at), case.id, cached or _snapshot_post(case),
                      kind=EntryKind.CASE, state=case.status.value, case=case)
            )
        return entries

    def case_history(self, case_id: int) -> list[CaseEvent]:
        """Every change of a case, notes included, oldest first."""
        return self._select(
            "SELECT * FROM case_events WHERE case_id = ? ORDER BY at, id", (case_id,),
            _event_from_row,
        )

    def case_for_post(self, network: Network, instance: str, remote_id: str) -> Case | None:
        cases = self._cases(
            f"""SELECT {_CASE_COLUMNS} FROM cases
            WHERE network = ? AND instance = ? AND remote_id = ?""",  # noqa: S608
            (network.value, instance, remote_id),
        )
        return cases[0] if cases else None

    def post_of_case(self, case: Case) -> Post | None:
        """The cache's copy of a case's post, if the cache still has it."""
        rows = self._select(
            f"""SELECT {POST_COLUMNS} FROM posts JOIN people ON people.id = posts.author_id
            WHERE posts.network = ? AND posts.instance = ? AND posts.remote_id = ?""",  # noqa: S608
            (case.network.value, case.instance, case.remote_id),
            schema.post_from_row,
        )
        return rows[0] if rows else None

    def case_post(self, case: Case) -> Post:
        """What a case shows: the cached post, else the case's own copy."""
        return self.post_of_case(case) or _snapshot_post(case)

    # changing

    def update_case(
        self, case_id: int, change: CaseChange, *, actor: str, now: datetime
    ) -> Case | None:
        """Apply an edit and write one history line per field it really changes. Setting an
        agency on a new case assigns it; the first answer and closing are timed. Returns the
        case as it is now (None if there is no such case)."""
        ids = self.update_cases([case_id], change, actor=actor, now=now)
        return self.case(case_id) if ids else None

    def update_cases(
        self, case_ids: Sequence[int], change: CaseChange, *, actor: str, now: datetime
    ) -> list[int]:
        """`update_case` for several cases in one transaction (bulk assignment); returns
        the ids that exist."""
        found: list[int] = []
        with self._write(CASES_CHANGED):
            for case_id in case_ids:
                case = self.case(case_id)
                if case is None:
                    continue
                found.append(case_id)
                self._apply(case, change, actor, now)
        return found

    def add_case_note(self, case_id: int, body: str, *, actor: str, now: datetime) -> None:
        """An internal note: kept in the case's history, never sent to a network."""
        text = body.strip()
        if not text:
            raise ValueError("a note needs text")
        with self._write(CASES_CHANGED):
            self._add_event(CaseEvent(case_id, now, actor, CaseAction.NOTE, "", text))
            self._exec("UPDATE cases SET updated_at = ? WHERE id = ?", (to_iso(now), case_id))

    def record_answer(
        self, network: Network, instance: str, *, reply_to: str, conversation: str,
        account_id: str, answer_url: str, actor: str, now: datetime,
    ) -> int | None:
        """A reply sent from Pantau answers the open case of the post it replies to, or of
        the conversation it was sent in; returns that case's id."""
        sql = f"""SELECT {_CASE_COLUMNS} FROM cases WHERE status IN ('new', 'assigned') AND (
            (network = ? AND remote_id = ? AND instance IN (?, '') AND ? <> '')
            OR (account_id = ? AND conversation_id = ? AND ? <> ''))
            ORDER BY received_at DESC, id DESC LIMIT 1"""  # noqa: S608
        params = (network.value, reply_to, instance, reply_to, account_id, conversation,
                  conversation)
        cases = self._cases(sql, params)
        if not cases:
            return None
        change = CaseChange(status=CaseStatus.ANSWERED, answer_url=answer_url)
        self.update_cases([cases[0].id], change, actor=actor, now=now)
        return cases[0].id

    # plumbing

    def _apply(self, case: Case, change: CaseChange, actor: str, now: datetime) -> None:
        stamp = to_iso(now)
        sets: dict[str, object] = {}
        events: list[tuple[CaseAction, str, str]] = []
        status = change.status
        if change.agency_code is not None and change.agency_code != case.agency_code:
            sets["agency_code"] = change.agency_code
            events.append((CaseAction.AGENCY, case.agency_code, change.agency_code))
            if change.agency_code and status is None and case.status is CaseStatus.NEW:
                status = CaseStatus.ASSIGNED
        if change.assignee is not None and change.assignee != case.assignee:
            sets["assignee"] = change.assignee
            events.append((CaseAction.ASSIGNEE, case.assignee, change.assignee))
        if change.answer_url is not None and change.answer_url != case.answer_url:
            sets["answer_url"] = change.answer_url
            events.append((CaseAction.ANSWER, case.answer_url, change.answer_url))
        if change.duplicate_of is not None and change.duplicate_of != case.id:
            sets["duplicate_of"] = change.duplicate_of
            status = CaseStatus.DUPLICATE
        if status is not None and status is not case.status:
            sets["status"] = status.value
            events.append((CaseAction.STATUS, case.status.value, status.value))
            if status is CaseStatus.ASSIGNED and case.assigned_at is None:
                sets["assigned_at"] = stamp
            if status is CaseStatus.ANSWERED and case.answered_at is None:
                sets["answered_at"] = stamp
            if status is CaseStatus.CLOSED:
                sets["closed_at"] = stamp
                if case.answered_at is None and case.answer_url:
                    sets["answered_at"] = stamp
        if change.topics is not None and tuple(change.topics) != case.topics:
            topics = tuple(dict.fromkeys(t for t in change.topics if t))
            self._exec("DELETE FROM case_topics WHERE case_id = ?", (case.id,))
            for topic in topics:
                self._exec(
                    "INSERT INTO case_topics (case_id, topic) VALUES (?, ?)", (case.id, topic)
                )
            events.append((CaseAction.TOPICS, "; ".join(case.topics), "; ".join(topics)))
        if not events:
            return
        sets["updated_at"] = stamp
        assignments = ", ".join(f"{name} = ?" for name in sets)
        self._exec(
            f"UPDATE cases SET {assignments} WHERE id = ?",  # noqa: S608
            [*sets.values(), case.id],
        )
        for action, old, new in events:
            self._add_event(CaseEvent(case.id, now, actor, action, old, new))

    def _add_event(self, event: CaseEvent) -> None:
        self._exec(
            """INSERT INTO case_events (case_id, at, actor, action, old, new)
            VALUES (?, ?, ?, ?, ?, ?)""",
            (event.case_id, to_iso(event.at), event.actor, event.action, event.old, event.new),
        )

    def _cases(self, sql: str, params: Sequence[object]) -> list[Case]:
        cases = self._select(sql, params, _case_from_row)
        topics = self._topics_of([case.id for case in cases])
        return [replace(case, topics=topics.get(case.id, ())) for case in cases]

    def _topics_of(self, case_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        if not case_ids:
            return {}
        found: dict[int, list[str]] = {}
        rows = self._select(
            f"""SELECT case_id, topic FROM case_topics
            WHERE case_id IN ({placeholders(len(case_ids))}) ORDER BY case_id, topic""",  # noqa: S608
            list(case_ids),
            lambda r: (int(r[0]), str(r[1])),
        )
        for case_id, topic in rows:
            found.setdefault(case_id, []).append(topic)
        return {k: tuple(v) for k, v in found.items()}


def _iso_or_none(value: datetime | None) -> str | None:
    return to_iso(value) if value is not None else None
