"""The contract every network provider fills: protocols, capabilities, errors, paging."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Flag, auto
from typing import ClassVar, Generic, Protocol, TypeVar, runtime_checkable

import httpx

from app.model import (
    Account,
    Conversation,
    Draft,
    FeedSpec,
    Network,
    Person,
    Post,
    ScheduledPost,
)
from app.text_length import TextRules

T = TypeVar("T")

TokenGetter = Callable[[], Awaitable[str]]
"""Returns the account's current secret; providers never read the keyring themselves."""

TokenSaver = Callable[[str], Awaitable[None]]
"""Called with a refreshed secret so it goes back to the keyring."""


# --- errors -------------------------------------------------------------------------------


class ProviderError(Exception):
    """A failure talking to a network. Never carries a token in its text."""

    def __init__(self, account_id: str, detail: str = "") -> None:
        super().__init__(account_id, detail)
        self.account_id = account_id
        self.detail = detail

    def __str__(self) -> str:
        name = type(self).__name__
        return f"{name}({self.account_id}): {self.detail}" if self.detail else name


class Offline(ProviderError):
    """The server could not be reached (DNS, connect, timeout)."""


class AuthExpired(ProviderError):
    """The token was refused (401/403) or could not be refreshed; the user must sign in."""


class RateLimited(ProviderError):
    """The network asks us to wait until `reset_at`."""

    def __init__(self, account_id: str, reset_at: datetime | None, detail: str = "") -> None:
        super().__init__(account_id, detail)
        self.reset_at = reset_at


class NotFound(ProviderError):
    """The thing asked for does not exist (any more)."""


class Rejected(ProviderError):
    """The server refused the request as invalid (other 4xx); `detail` is its message."""


class TooLong(Rejected):
    """The text is over the network's limit (counted as that network counts)."""

    def __init__(self, account_id: str, *, limit: int, length: int) -> None:
        super().__init__(account_id, f"{length} characters, the limit is {limit}")
        self.limit = limit
        self.length = length


class AttachmentTooLarge(Rejected):
    """A file is larger than the network takes (Bluesky: 1 MB an image)."""

    def __init__(self, account_id: str, *, limit: int, size: int) -> None:
        super().__init__(account_id, f"{size} bytes, the limit is {limit}")
        self.limit = limit
        self.size = size


class DirectMessagesNotAllowed(Rejected):
    """The sign-in does not grant direct messages (a Bluesky app password made without
    "Allow access to your direct messages")."""


class ServerFault(ProviderError):
    """The server failed (5xx)."""


class ParseError(ProviderError):
    """The server's data did not have the shape we expect."""

    def __init__(self, account_id: str, entity: str, field_name: str, detail: str = "") -> None:
        super().__init__(account_id, detail or f"{entity}.{field_name}")
        self.entity = entity
        self.field_name = field_name


class NoProvider(ProviderError):
    """No provider is installed for the account's network yet."""


# --- paging and limits --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cursor:
    """An opaque position in a remote list (Link header id, Bluesky cursor, X next_token)."""

    value: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a remote list; an empty page never clears a cursor we already hold."""

    items: Sequence[T]
    older: Cursor | None = None
    newer: Cursor | None = None


@dataclass(frozen=True, slots=True)
class RateLimit:
    """What the last response said about the account's request budget."""

    limit: int
    remaining: int
    reset_at: datetime | None = None


# --- capabilities -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One live update: a new or edited post in a feed, a conversation change, a deletion."""

    feed: FeedSpec
    post: Post | None = None
    conversation: Conversation | None = None
    deleted_id: str = ""


class Capability(Flag):
    """What a provider can do beyond reading and posting; derived, never declared twice."""

    NONE = 0
    DIRECT_MESSAGES = auto()
    SERVER_SCHEDULE = auto()
    STREAMING = auto()
    EDIT = auto()
    MEDIA = auto()


@dataclass(frozen=True, slots=True)
class LoginResult:
    """What a finished sign-in gives: the account (no secret) and the secret for the keyring."""

    account: Account
    secret: str = field(repr=False)


class Provider(Protocol):
    """One signed-in account on one network; every method may raise ProviderError."""

    network: ClassVar[Network]
    account: Account

    async def whoami(self) -> Person: ...

    async def feed(
        self, spec: FeedSpec, *, cursor: Cursor | None = None, limit: int = 40
    ) -> Page[Post]:
        """A page of the feed, newest first.

        No cursor: the newest page. `Page.older` continues below the oldest item returned;
        `Page.newer` continues directly above the newest one, so following `newer` until
        a page comes back short fills a gap with nothing skipped (Mastodon's min_id). A
        cursor is opaque outside its provider.
        """
        ...

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        """Post `draft`. `retry_since` is set when an earlier attempt with the same key (since
        that time, maybe before a restart) may have reached the server: a provider whose
        server ignores the key looks for that post before posting again."""
        ...

    def rate_limit(self) -> RateLimit | None: ...

    async def aclose(self) -> None: ...


@runtime_checkable
class SupportsDirectMessages(Protocol):
    async def conversations(self, *, cursor: Cursor | None = None) -> Page[Conversation]: ...

    async def thread(self, conversation_id: str) -> Sequence[Post]:
        """The messages of a conversation, oldest first."""
        ...

    async def send_direct(
        self,
        conversation_id: str,
        draft: Draft,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> Post: ...

    async def mark_read(self, conversation_id: str) -> None: ...


@runtime_checkable
class SupportsServerSchedule(Protocol):
    """Networks that keep scheduled posts on the server (Mastodon); others use Pantau's
    local queue."""

    async def schedule(
        self,
        draft: Draft,
        at: datetime,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> ScheduledPost: ...

    async def scheduled(self) -> Sequence[ScheduledPost]: ...

    async def reschedule(self, remote_id: str, at: datetime) -> ScheduledPost: ...

    async def cancel_scheduled(self, remote_id: str) -> None: ...


@runtime_checkable
class SupportsMedia(Protocol):
    async def upload_media(
        self, data: bytes, *, filename: str, mime_type: str, description: str
    ) -> str:
        """Upload an attachment with its alt text; returns the id a Draft refers to."""
        ...


@runtime_checkable
class SupportsStreaming(Protocol):
    def stream(self, feeds: Sequence[FeedSpec]) -> AsyncIterator[StreamEvent]:
        """Live events for those of `feeds` the network can stream. The iterator ends or
        raises Offline when the connection drops; sync then polls (resuming from the
        newest cached item, so nothing is missed) and reconnects later."""
        ...


@runtime_checkable
class SupportsStreamChoice(Protocol):
    """A streaming provider that carries only some feeds live, depending on the server
    (GoToSocial streams no hashtags); a provider without it streams every feed it is
    given."""

    async def streamable(self, feeds: Sequence[FeedSpec]) -> Sequence[FeedSpec]:
        """Those of `feeds` that stream() carries; may ask the server once."""
        ...


async def streamed_feeds(
    provider: SupportsStreaming, feeds: Sequence[FeedSpec]
) -> Sequence[FeedSpec]:
    """Those of `feeds` the provider's stream will carry; the rest stay polled."""
    if isinstance(provider, SupportsStreamChoice):
        return await provider.streamable(feeds)
    return feeds


@runtime_checkable
class SupportsReadMarkers(Protocol):
    """Networks that keep a read position per feed on the server (Mastodon's markers for
    home and notifications), so reading on one device moves it on every other."""

    def marked_feeds(self, feeds: Sequence[FeedSpec]) -> Sequence[FeedSpec]:
        """Those of `feeds` the server keeps a marker for; asks nothing."""
        ...

    async def read_markers(self, feeds: Sequence[FeedSpec]) -> Mapping[str, str]:
        """The last read entry's remote id by feed key, for feeds that have a marker."""
        ...

    async def save_read_markers(self, marks: Mapping[FeedSpec, str]) -> None:
        """Tell the server each feed is read down to that entry (in one request)."""
        ...


@runtime_checkable
class SupportsTextRules(Protocol):
    """Servers that say how long a post may be (Mastodon's instance configuration)."""

    async def text_rules(self) -> TextRules: ...


@runtime_checkable
class SupportsReach(Protocol):
    """How far the office's own account reaches: its followers, and what people did with
    its posts (the monthly report's reach section)."""

    async def follower_count(self) -> int:
        """How many accounts follow the signed-in account now."""
        ...

    async def own_posts(self, since: datetime, *, limit: int = 200) -> Sequence[Post]:
        """The signed-in account's own posts and replies created at or after `since` (not
        its boosts/reposts of others), newest first, at most `limit`, each with its
        `engagement` filled in."""
        ...


@runtime_checkable
class SupportsEdit(Protocol):
    async def edit(self, remote_id: str, draft: Draft) -> Post: ...


def capabilities(provider: object) -> Capability:
    """Flags derived from the optional protocols a provider implements."""
    caps = Capability.NONE
    if isinstance(provider, SupportsDirectMessages):
        caps |= Capability.DIRECT_MESSAGES
    if isinstance(provider, SupportsServerSchedule):
        caps |= Capability.SERVER_SCHEDULE
    if isinstance(provider, SupportsStreaming):
        caps |= Capability.STREAMING
    if isinstance(provider, SupportsEdit):
        caps |= Capability.EDIT
    if isinstance(provider, SupportsMedia):
        caps |= Capability.MEDIA
    return caps


# --- registry -----------------------------------------------------------------------------


class ProviderFactory(Protocol):
    """Builds providers for one network and runs its sign-in flow."""

    network: ClassVar[Network]

    def create(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        save_token: TokenSaver,
    ) -> Provider: ...


_FACTORIES: dict[Network, ProviderFactory] = {}


def register(factory: ProviderFactory) -> None:
    """Make a network available; each provider module registers itself on import."""
    _FACTORIES[factory.network] = factory


def factory_for(network: Network) -> ProviderFactory | None:
    return _FACTORIES.get(network)


def registered_networks() -> tuple[Network, ...]:
    return tuple(_FACTORIES)
