"""A realistic deck for the UI benchmarks: two office accounts on a GoToSocial-shaped server,
eight columns (home, mentions and two hashtags each) and thousands of statuses per column.

The statuses come from the stateful fake server (tests/mastodon_server.py) with the demo's
Indonesian texts (emoji, links, photos with alt text, reply threads), varied per post. A cache
file is filled the way sync fills it: each status rendered in GoToSocial's JSON shape, parsed
by the real Mastodon parser (so `Post.raw` and the sanitised HTML are what a real cache holds)
and upserted a page at a time. `DeckServer` keeps a feed index so that paging 40,000 statuses
costs the fake server microseconds, not the app's UI thread seconds, and answers after a
network's round trip.
"""

from __future__ import annotations

import asyncio
import bisect
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from app import demo
from app.model import Account, ColumnSpec, FeedKind, FeedSpec, Network, Post
from app.providers import mastodon_parse as mp
from app.store import Store
from tests.mastodon_server import FakeMastodon, FakeStatus, FakeUser, Json, template

HOST = "sosmed.example"
SERVER = f"https://{HOST}"
PAGE = 40

# The two office accounts (lpse_admin is the fake server's own; humas_jateng is added).
OFFICES = (("lpse_admin", "Admin LPSE Jawa Tengah"), ("humas_jateng", "Humas Pemprov Jateng 📣"))
# Whom each office follows (their home timelines): agencies of the province.
AGENCIES = {
    "lpse_admin": [
        ("ukpbj_jateng", "UKPBJ Jawa Tengah"),
        ("pokja_konstruksi", "Pokja Konstruksi 2 · UKPBJ"),
        ("inspektorat", "Inspektorat Provinsi Jateng"),
        ("spse_status", "Status Layanan SPSE 🟢"),
    ],
    "humas_jateng": [
        ("diskominfo", "Diskominfo Jateng"),
        ("bpbd_jateng", "BPBD Jawa Tengah 🚨"),
        ("dpubmck", "DPU Bina Marga Cipta Karya"),
        ("dishub_jateng", "Dishub Jateng 🚌"),
        ("dinkes_jateng", "Dinas Kesehatan Jateng"),
    ],
}
CITIZENS = [
    ("budi_km", "Budi Santoso · CV Karya Mandiri"),
    ("sriwahyuni", "Sri Wahyuni 🌾"),
    ("aguspras", "Agus Prasetyo"),
    ("rinakartika", "Rina Kartika"),
    ("hendra_w", "Hendra Wijaya"),
    ("yuli_ta", "Yuliana · CV Tirta Abadi"),
    ("eko_wib", "Eko Wibisono"),
    ("nuraini", "Nur Aini 🌸"),
    ("jokosusilo", "Joko Susilo"),
    ("ratnasari", "Ratna Sari"),
    ("wahyu_h", "Wahyu Hidayat"),
    ("ika_puspita", "Ika Puspitasari"),
    ("dimas_adit", "Dimas Aditya 🏍️"),
    ("fitri_h", "Fitri Handayani"),
    ("bambang_kds", "Bambang S. (Kudus)"),
    ("yanto_ojol", "Mas Yanto · ojol Semarang"),
    ("lina_pkl", "Lina Marlina"),
    ("hadi_wng", "Hadi Purnomo"),
    ("warga_skh", "Warga Sukoharjo Bersatu"),
    ("tari_srg", "Tari ✨"),
]


@dataclass(frozen=True, slots=True)
class Column:
    kind: str  # "home", "mentions", "hashtag"
    office: str  # the office account's username
    tag: str = ""
    width: int = 340

    def spec(self) -> ColumnSpec:
        options: dict[str, object] = {}
        if self.kind == "hashtag":
            options = {"tags": [self.tag], "match": "any", "exclude": []}
        return ColumnSpec(self.kind, account_id(self.office), options)

    def feed(self) -> FeedSpec:
        office = account_id(self.office)
        if self.kind == "home":
            return FeedSpec(office, FeedKind.HOME)
        if self.kind == "mentions":
            return FeedSpec(office, FeedKind.MENTIONS)
        return FeedSpec(office, FeedKind.TAG, tags=(self.tag,))


COLUMNS = (
    Column("mentions", "lpse_admin", width=380),
    Column("hashtag", "lpse_admin", "LPSE"),
    Column("home", "lpse_admin"),
    Column("hashtag", "lpse_admin", "SPSE"),
    Column("mentions", "humas_jateng", width=380),
    Column("hashtag", "humas_jateng", "KemalaJateng", width=360),
    Column("home", "humas_jateng"),
    Column("hashtag", "humas_jateng", "LaporGub"),
)
WINDOW_SIZE = (2900, 900)
"""Wide enough that all eight columns are on screen, so all eight are painted."""


def account_id(username: str) -> str:
    return f"mastodon:{username}@{HOST}"


def accounts(server: FakeMastodon) -> list[Account]:
    return [
        Account(
            id=account_id(name),
            network=Network.MASTODON,
            handle=name,
            display_name=display,
            server=SERVER,
            remote_id=server.users[name].id,
        )
        for name, display in OFFICES
    ]


# --- texts ---------------------------------------------------------------------------------

_ROWS = [
    *demo._LPSE_MENTIONS,
    *demo._KEMALA,
    *demo._RAKORNAS,
    *demo._HUMAS_HOME,
]
_MENTION = re.compile(r"(?<![\w.])@[\w.]+(@[\w.-]+)?\s*")
_HASHTAG = re.compile(r"#\w+")
TEXTS = [
    _HASHTAG.sub("", _MENTION.sub("", row.text)).strip() for row in _ROWS if len(row.text) > 30
]
PHOTOS = [row.photo for row in _ROWS if row.photo]
PLACES = [
    "Semarang", "Kudus", "Pati", "Boyolali", "Klaten", "Magelang", "Tegal", "Pekalongan",
    "Salatiga", "Sragen", "Wonogiri", "Cilacap", "Banyumas", "Demak", "Jepara", "Blora",
]  # fmt: skip
EMOJI = ["🙏", "😥", "👍", "🚧", "🌧️", "🔥", "✅", "📌", "😅", "🙏🏽", "⚠️", "🇮🇩"]
LINKS = [
    "https://lpse.jatengprov.example/eproc4/lelang/{n}",
    "https://jatengprov.example/berita/{n}-info-layanan",
    "https://laporgub.jatengprov.example/aduan/{n}",
    "https://maps.example/?q=-7.0{n}%2C110.4",
]


def _text(rng: random.Random, n: int) -> str:
    text = rng.choice(TEXTS)
    extra = rng.random()
    if extra < 0.3:
        text += f" Lokasi: {rng.choice(PLACES)}, nomor aduan {n:06d}."
    elif extra < 0.55:
        text += " " + rng.choice(LINKS).format(n=100000 + n)
    if rng.random() < 0.35:
        text += " " + "".join(rng.sample(EMOJI, rng.randint(1, 3)))
    return text


# --- the server ----------------------------------------------------------------------------


class RoundTrip(httpx.AsyncBaseTransport):
    """The fake server's transport with a network's round trip (20-120 ms): answers arrive
    one by one, as from a real server, instead of all in the turn of the loop that asked."""

    def __init__(self, inner: httpx.AsyncBaseTransport, rng: random.Random) -> None:
        self._inner = inner
        self._rng = rng

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(self._rng.uniform(0.02, 0.12))
        return await self._inner.handle_async_request(request)


class DeckServer(FakeMastodon):
    """FakeMastodon at 40,000 statuses: the home, mentions and tag timelines the deck reads
    are indexed (newest first), and statuses and accounts are rendered once. Statuses
    after `released` are not on the server yet: `release` posts them, so a benchmark can
    make new posts arrive without spending its UI thread on the fake's work."""

    def __init__(self, *, start: datetime, seed: int = 5) -> None:
        self.now = start
        self.rng = random.Random(seed)
        super().__init__(host=HOST, clock=lambda: self.now)
        self._account_cache: dict[str, Json] = {}
        self._status_cache: dict[str, Json] = {}
        self._index: dict[tuple[str, str], list[FakeStatus]] = {}  # newest first
        self._index_ids: dict[tuple[str, str], list[str]] = {}  # the same, ids ascending
        self.released = "~"  # every id sorts below it
        for name, display in OFFICES[1:]:
            self._add_user(name, display)
        for office, agencies in AGENCIES.items():
            for name, display in agencies:
                self._add_user(name, display)
                self.users[office].follows.add(self.users[name].id)
        for name, display in CITIZENS:
            self._add_user(name, display)
        self.users["lpse_admin"].follows = {self.users[n].id for n, _ in AGENCIES["lpse_admin"]}

    def _add_user(self, name: str, display: str) -> FakeUser:
        user = FakeUser(self.new_id(), name, display, f"tok-{name}")
        self.users[name] = user
        return user

    # rendering once

    def account_json(self, user: FakeUser) -> Json:
        data = self._account_cache.get(user.id)
        if data is None:
            data = self._account_cache[user.id] = super().account_json(user)
        return data

    def status_json(self, status: FakeStatus) -> Json:
        data = self._status_cache.get(status.id)
        if data is None:
            data = self._status_cache[status.id] = super().status_json(status)
        return data

    def prerender(self) -> None:
        for status in self.statuses.values():
            self.status_json(status)

    # the index

    def build_index(self) -> None:
        """Index the timelines the deck reads; call after adding the statuses."""
        self._index.clear()
        for status in sorted(self.statuses.values(), key=lambda s: s.id):
            for key in self._keys_of(status):
                self._index.setdefault(key, []).append(status)
        for key, found in self._index.items():
            self._index_ids[key] = [s.id for s in found]
            found.reverse()

    def _keys_of(self, status: FakeStatus) -> Iterator[tuple[str, str]]:
        if status.visibility == "public":
            for tag in status.tags:
                yield "tag", tag
        if status.visibility != "direct":
            for user in self.users.values():
                if status.author.id == user.id or status.author.id in user.follows:
                    yield "home", user.id

    def timeline(self, kind: str, key: str) -> list[FakeStatus]:
        """The released statuses of one indexed timeline, newest first."""
        found = self._index.get((kind, key), [])
        ids = self._index_ids.get((kind, key), [])
        hidden = len(found) - bisect.bisect_right(ids, self.released)
        return found[hidden:]

    def release(self, last_id: str) -> None:
        self.released = last_id

    def _home(self, request: httpx.Request, _m: re.Match[str], user: FakeUser) -> httpx.Response:
        return self._status_page(request, self.timeline("home", user.id))

    def _tag(self, request: httpx.Request, match: re.Match[str], _u: FakeUser) -> httpx.Response:
        return self._status_page(request, self.timeline("tag", match.group(1).lower()))

    def _notifications(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        notes = self.notifications.get(user.id, [])
        shown = [n for n in notes if str(n["id"]) <= self.released]
        return self._page(
            request, shown, lambda n: str(n["id"]), lambda n: n, keep=("types[]", "exclude_types[]")
        )

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=RoundTrip(self.transport, self.rng))

    # making statuses

    def add_media(self, owner: FakeUser, description: str) -> str:
        data = template("61-media-upload-v2")
        media_id = self.new_id()
        url = f"{self.base}/fileserver/{owner.id}/attachment/original/{media_id}.jpeg"
        data.update(
            id=media_id,
            url=url,
            text_url=url,
            description=description,
            preview_url=f"{self.base}/fileserver/{owner.id}/attachment/small/{media_id}.jpeg",
        )
        self.media[media_id] = data
        return media_id


def fill(
    server: DeckServer,
    per_column: int,
    *,
    end: datetime,
    seed: int = 13,
    columns: Sequence[Column] = COLUMNS,
) -> None:
    """`per_column` statuses for each column, interleaved in time up to `end`: citizens
    mention the offices and use the tags, agencies post to the homes, the offices answer
    in threads (their replies are in their own home timelines), a fifth have a photo."""
    rng = random.Random(seed)
    left = dict.fromkeys(columns, per_column)
    recent: dict[Column, list[str]] = {c: [] for c in columns}
    total = per_column * len(columns)
    step = timedelta(seconds=40)
    server.now = end - step * total
    n = 0
    while left:
        column = rng.choice(list(left))
        n += 1
        server.now += timedelta(seconds=rng.uniform(0.2, 1.8) * step.total_seconds())
        text = _text(rng, n)
        media: list[str] = []
        reply_to = ""
        office = server.users[column.office]
        if column.kind == "home":
            agencies = AGENCIES[column.office]
            threads = recent[next(c for c in columns if c.office == column.office)]
            if threads and rng.random() < 0.3:  # the office answers a mention
                reply_to = rng.choice(threads[-20:])
                author = column.office
                asker = server.statuses[reply_to].author.username
                text = f"@{asker} Terima kasih laporannya. {text}"
            else:
                author = rng.choice(agencies)[0]
        else:
            author = rng.choice(CITIZENS)[0]
            if column.kind == "mentions":
                text = f"@{office.username} {text}"
            else:
                text = f"{text} #{column.tag}"
            mine = recent[column]
            if mine and rng.random() < 0.15:  # a citizen follows up on their report
                reply_to = rng.choice(mine[-10:])
        if rng.random() < 0.2 and PHOTOS:
            media.append(server.add_media(server.users[author], rng.choice(PHOTOS)))
        status = server.post_as(author, text, in_reply_to=reply_to, media_ids=media)
        recent[column].append(status.id)
        left[column] -= 1
        if not left[column]:
            del left[column]
    server.build_index()


# --- a cache file ----------------------------------------------------------------------------


def feed_posts(server: DeckServer, column: Column) -> list[Post]:
    """The column's statuses as sync would store them: the GoToSocial JSON parsed by the
    real parser (newest first)."""
    office = account_id(column.office)
    instance = mp.server_instance(SERVER)
    if column.kind == "mentions":
        notes = server.notifications.get(server.users[column.office].id, [])
        found = [mp.parse_notification(n, account_id=office, instance=instance) for n in notes]
        return [p for p in found if p is not None]
    if column.kind == "home":
        statuses = server.timeline("home", server.users[column.office].id)
    else:
        statuses = server.timeline("tag", column.tag.lower())
    return [
        mp.parse_status(server.status_json(s), account_id=office, instance=instance)
        for s in statuses
    ]


def build_cache(path: Path, per_column: int, *, now: datetime | None = None) -> int:
    """A cache file of the eight-column deck with `per_column` posts in each; returns the
    number of posts filed. The window size of the benchmarks is stored with the layout."""
    now = now or datetime.now(UTC)
    server = DeckServer(start=now)
    fill(server, per_column, end=now - timedelta(minutes=3))
    store = Store.open(path)
    try:
        for account in accounts(server):
            store.upsert_account(account)
        filed = 0
        for column in COLUMNS:
            feed = column.feed()
            posts = feed_posts(server, column)
            for at in range(0, len(posts), PAGE):
                filed += store.upsert_posts(feed.key, posts[at : at + PAGE], fetched_at=now)
            store.mark_refreshed(feed.key, now)
            store.add_column(column.spec(), width=column.width)
        return filed
    finally:
        store.close()


def client_factory(server: FakeMastodon) -> Callable[[], httpx.AsyncClient]:
    return server.client
