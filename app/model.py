"""Plain data of Pantau: accounts, people, posts, column specs. No Qt, no I/O."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Network(StrEnum):
    """The social networks Pantau talks to."""

    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    X = "x"


class Visibility(StrEnum):
    """Who can see a post; networks without a level map to the nearest one."""

    PUBLIC = "public"
    UNLISTED = "unlisted"
    PRIVATE = "private"
    DIRECT = "direct"


class EntryKind(StrEnum):
    """What a column row stands for."""

    POST = "post"
    CONVERSATION = "conversation"
    SCHEDULED = "scheduled"
    CASE = "case"


class ScheduleState(StrEnum):
    """Where a scheduled post is in its life."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OutboxAction(StrEnum):
    """What an outbox item does."""

    POST = "post"
    REPLY = "reply"
    DIRECT = "dm"
    SCHEDULE = "schedule"


class OutboxState(StrEnum):
    """Where an outgoing write is: queued, in flight, done or failed for good."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Account:
    """A signed-in account. Its token lives in the keyring, never here."""

    id: str
    network: Network
    handle: str
    display_name: str
    server: str = ""
    remote_id: str = ""
    avatar_url: str = ""
    problem: str = ""

    @property
    def label(self) -> str:
        """Short human label: handle plus the server for federated networks."""
        if self.network is Network.MASTODON and self.server and "@" not in self.handle:
            host = self.server.split("://", 1)[-1].rstrip("/")
            return f"@{self.handle}@{host}"
        return self.handle if self.handle.startswith("@") else f"@{self.handle}"


@dataclass(frozen=True, slots=True)
class Person:
    """An author or participant, as a network describes them."""

    network: Network
    remote_id: str
    handle: str
    display_name: str
    avatar_url: str = ""
    url: str = ""
    instance: str = ""


@dataclass(frozen=True, slots=True)
class Media:
    """One attachment of a post."""

    kind: str  # image, video, gifv, audio, unknown
    url: str
    preview_url: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Engagement:
    """What people did with a post, as its network counted at fetch time."""

    replies: int = 0
    reposts: int = 0
    likes: int = 0

    @property
    def total(self) -> int:
        return self.replies + self.reposts + self.likes


@dataclass(frozen=True, slots=True)
class Post:
    """A post, reply or direct message as stored in the cache.

    `html` is already sanitised (see app/sanitize.py); `text` is its plain form for search.
    `instance` is the server that assigned `remote_id` (Mastodon ids are local to a
    server); it is empty for networks with global ids (Bluesky URIs, X ids).
    """

    network: Network
    remote_id: str
    account_id: str
    author: Person
    created_at: datetime
    html: str
    text: str
    url: str = ""
    instance: str = ""
    reply_to_id: str = ""
    thread_root_id: str = ""
    conversation_id: str = ""
    visibility: Visibility = Visibility.PUBLIC
    spoiler: str = ""
    media: tuple[Media, ...] = ()
    raw: str = ""
    # The remote id of the list entry that brought this post when that entry is not the
    # post itself (a Mastodon notification); read markers point at entries, not posts.
    feed_item_id: str = ""
    engagement: Engagement | None = None  # None: the network did not say


@dataclass(frozen=True, slots=True)
class Conversation:
    """A direct-message thread between an account and one or more people."""

    network: Network
    remote_id: str
    account_id: str
    participants: tuple[Person, ...]
    last_post: Post | None
    unread: bool
    updated_at: datetime
    instance: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file picked for a post, with its description for people who cannot see it. It is
    uploaded when the post is sent; until then the draft keeps the path."""

    path: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class ScheduledPost:
    """A post waiting to go out, on the server or in Pantau's local queue."""

    id: int
    account_id: str
    text: str
    scheduled_at: datetime
    state: ScheduleState = ScheduleState.PENDING
    remote_id: str = ""
    visibility: Visibility = Visibility.PUBLIC
    error: str = ""
    # Pantau's own queue uploads the files when it sends (a server would drop an upload
    # no post used for hours); a server-side queue already holds them.
    attachments: tuple[Attachment, ...] = ()
    language: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    """Text being written; saved as typed so nothing is lost."""

    account_id: str
    text: str
    in_reply_to: str = ""
    visibility: Visibility = Visibility.PUBLIC
    spoiler: str = ""
    id: int | None = None
    conversation_id: str = ""
    media_ids: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    language: str = ""  # ISO 639-1 ("id", "en", "jv"); empty: the server guesses
    also: tuple[str, ...] = ()  # other accounts a new post also goes out from
    wording: tuple[tuple[str, str], ...] = ()  # (network, its own text) for those accounts


@dataclass(frozen=True, slots=True)
class SavedReply:
    """A template answer for the questions a help desk gets every day; `{nama}`-style
    placeholders are filled when it is inserted (see app/saved_replies.py)."""

    keyword: str
    title: str
    body: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A write recorded before it is sent, so a crash or retry never posts twice."""

    id: int
    account_id: str
    action: str  # an OutboxAction value
    payload: str  # JSON of the draft
    idempotency_key: str
    state: OutboxState
    attempts: int = 0
    error: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None  # the last move: when the last attempt ended


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a column with its paging key: a post, a conversation or a scheduled post.

    Every kind is shown through `post` (for a conversation its last message, for a scheduled
    post a preview authored by the account) so one delegate paints them all.
    """

    sort_key: int
    entry_id: int
    post: Post
    kind: EntryKind = EntryKind.POST
    unread: bool = False
    participants: tuple[Person, ...] = ()
    scheduled_at: datetime | None = None
    state: str = ""
    case: Case | None = None
    due: datetime | None = None  # an open case's next deadline

    @property
    def key(self) -> tuple[int, int]:
        """Keyset position: newest first, ties broken by id."""
        return (self.sort_key, self.entry_id)


class CaseStatus(StrEnum):
    """Where a citizen report is in triage. The last two end a case without an answer."""

    NEW = "new"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    CLOSED = "closed"
    NOT_COMPLAINT = "not_complaint"
    DUPLICATE = "duplicate"

    @property
    def is_open(self) -> bool:
        """Still waiting on the office: it has a deadline and can be overdue."""
        return self in (CaseStatus.NEW, CaseStatus.ASSIGNED)


@dataclass(frozen=True, slots=True)
class Agency:
    """A unit a case is delegated to (an OPD: Dinas PU Bina Marga, PDAM, BPBD...)."""

    code: str  # short and stable ("DPU-BM"); cases and CSV files refer to it
    name: str
    active: bool = True
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    """A label for what a case is about; its keywords suggest it for new cases, and
    `agency_code` suggests who should handle it ("jalan rusak" -> roads -> Bina Marga)."""

    name: str
    keywords: tuple[str, ...] = ()
    agency_code: str = ""
    id: int | None = None


class HolidayKind(StrEnum):
    NATIONAL = "national"  # libur nasional
    JOINT_LEAVE = "joint_leave"  # cuti bersama


@dataclass(frozen=True, slots=True)
class Holiday:
    """A day offices are closed besides weekends."""

    day: date
    name: str
    kind: HolidayKind = HolidayKind.NATIONAL


@dataclass(frozen=True, slots=True)
class Case:
    """A citizen report in the triage inbox. It keeps its own copy of the post's text and
    author, so it outlives the cache's copy of the post and can later be shared by several
    PCs; (network, instance, remote_id) names the post like `Post` does. Times are aware."""

    id: int
    network: Network
    remote_id: str
    account_id: str  # the office account that received it
    author_handle: str
    author_name: str
    text: str
    posted_at: datetime
    received_at: datetime  # the deadlines count from here
    status: CaseStatus = CaseStatus.NEW
    instance: str = ""
    url: str = ""
    source: str = ""  # the feed key it came from
    conversation_id: str = ""  # a direct-message case: the conversation's remote id
    agency_code: str = ""
    assignee: str = ""
    topics: tuple[str, ...] = ()
    assigned_at: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    answer_url: str = ""
    duplicate_of: int | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One line of a case's history: who changed what, when. A note is an event too;
    notes are internal and never sent to a network."""

    case_id: int
    at: datetime
    actor: str
    action: str  # a CaseAction value
    old: str = ""
    new: str = ""
    id: int | None = None


class CaseAction(StrEnum):
    CREATED = "created"
    STATUS = "status"
    AGENCY = "agency"
    ASSIGNEE = "assignee"
    TOPICS = "topics"
    NOTE = "note"
    ANSWER = "answer"


def _freeze(value: object) -> object:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """What a column shows. Its options are kind-specific and stored as JSON.

    `account_id` is empty for columns across all accounts.
    """

    kind: str
    account_id: str = ""
    options: Mapping[str, object] = field(default_factory=dict)
    id: int | None = None

    def __hash__(self) -> int:
        return hash((self.kind, self.account_id, _freeze(self.options), self.id))

    def option_str(self, name: str, default: str = "") -> str:
        value = self.options.get(name, default)
        return value if isinstance(value, str) else default

    def option_list(self, name: str) -> tuple[str, ...]:
        value = self.options.get(name, ())
        if isinstance(value, list | tuple):
            return tuple(str(v) for v in value if isinstance(v, str) and v)
        return ()

    def options_json(self) -> str:
        return json.dumps(dict(self.options), sort_keys=True, ensure_ascii=False)


class FeedKind(StrEnum):
    """A network endpoint a column reads from."""

    HOME = "home"
    MENTIONS = "mentions"
    TAG = "tag"
    SEARCH = "search"
    CONVERSATIONS = "conversations"


class TagMatch(StrEnum):
    """How several tags of one hashtag column combine."""

    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One endpoint of one account. Columns asking for an equal FeedSpec share its rows
    and its network requests; `key` names it in the store."""

    account_id: str
    kind: FeedKind
    tags: tuple[str, ...] = ()
    match: TagMatch = TagMatch.ANY
    exclude: tuple[str, ...] = ()
    query: str = ""

    @property
    def key(self) -> str:
        parts = [self.account_id, self.kind.value]
        if self.kind is FeedKind.TAG:
            tags = ",".join(sorted(t.casefold() for t in self.tags))
            parts.append(f"{self.match.value}:{tags}")
            if self.exclude:
                parts.append("not:" + ",".join(sorted(t.casefold() for t in self.exclude)))
        elif self.kind is FeedKind.SEARCH:
            parts.append(self.query.strip().casefold())
        return "|".join(parts)


@dataclass(frozen=True, slots=True)
class ColumnState:
    """How a column sits in the deck: position, width and where the user had scrolled."""

    spec: ColumnSpec
    position: int
    width: int = 360
    scroll_entry: int = 0
    scroll_offset: int = 0
