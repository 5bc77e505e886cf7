"""Refresh: a deck of 8 columns refreshed through SyncEngine against a server 200 ms away,
against the refresh of one column (one request) through the same engine and server.

The server is the stateful fake Mastodon (tests/mastodon_server.py) over real sockets on
127.0.0.1, in its own process, answering every request after 200 ms (tests/bench/
loopback.py). The client is the app's own: real column kinds (columns/*) give the feeds,
MastodonProvider on one httpx.AsyncClient per account (as sync.AccountProviders builds
them), SyncEngine with the app's defaults, a fresh Store file per run. Each column asks
for its refresh on its own, as the deck's refresh does (ColumnController.refresh); the
run ends when all have their answer. Every feed is new, so each request brings a full
page (40 statuses: parsed and stored).

The deck: mentions, home, #KemalaJateng twice (the same tags: one feed), #LPSE or
#RakornasLPSE, a search for "jalan", direct messages, all on the LPSE account, and
mentions across all accounts (the LPSE account's, shared, and the PR account's).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

import columns
from app.model import Account, ColumnSpec, FeedSpec, Network, TagMatch
from app.providers.base import Provider
from app.providers.mastodon import MastodonProvider
from app.store import Store
from app.sync import SyncEngine
from tests.bench.harness import Goal, Result
from tests.bench.loopback import ADMIN, HUMAS, SEARCH_WORD

LATENCY = 0.2
REPEATS = 5
ROOT = Path(__file__).resolve().parents[2]


def accounts(server: str) -> list[Account]:
    host = server.removeprefix("http://")
    return [
        Account(f"mastodon:{ADMIN}@{host}", Network.MASTODON, ADMIN, "LPSE Jawa Tengah", server),
        Account(f"mastodon:{HUMAS}@{host}", Network.MASTODON, HUMAS, "Humas Jateng", server),
    ]


def deck(lpse: Account) -> list[ColumnSpec]:
    own = lpse.id
    return [
        ColumnSpec("mentions", own),
        ColumnSpec("home", own),
        ColumnSpec("hashtag", own, {"tags": ["KemalaJateng"], "match": "any", "exclude": []}),
        ColumnSpec("hashtag", own, {"tags": ["KemalaJateng"], "match": "any", "exclude": []}),
        ColumnSpec("hashtag", own, {"tags": ["LPSE", "RakornasLPSE"], "match": TagMatch.ANY.value}),
        ColumnSpec("search", own, {"query": SEARCH_WORD}),
        ColumnSpec("messages", own),
        ColumnSpec("mentions", ""),  # every account
    ]


def feeds_of(spec: ColumnSpec, all_accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
    kind = columns.kind(spec.kind)
    assert kind is not None, spec.kind
    return kind.feeds(spec, all_accounts)


class Providers:
    """sync.AccountProviders, with the fake's tokens instead of the keyring's. Kept across
    runs, as the running app keeps its providers: a new httpx client costs ~70 ms (it loads
    the CA bundle), once per account and session, not per refresh."""

    def __init__(self) -> None:
        self._providers: dict[str, Provider] = {}

    async def provider(self, account: Account) -> Provider:
        if account.id not in self._providers:
            token = f"tok-{account.handle}"

            async def get_token() -> str:
                return token

            client = httpx.AsyncClient(timeout=20.0, follow_redirects=False)
            self._providers[account.id] = MastodonProvider(
                account, client=client, get_token=get_token
            )
        return self._providers[account.id]

    async def forget(self, account_id: str) -> None:
        provider = self._providers.pop(account_id, None)
        if provider is not None:
            await provider.aclose()

    async def aclose(self) -> None:
        """An engine closing keeps them: the next run's engine takes them over."""

    async def close_all(self) -> None:
        for provider in self._providers.values():
            await provider.aclose()
        self._providers.clear()


async def stats(server: str) -> dict[str, int]:
    async with httpx.AsyncClient(verify=False) as client:
        reply = await client.get(f"{server}/__bench/stats")
        data = reply.json()
        assert isinstance(data, dict)
        return {str(k): int(v) for k, v in data.items()}


async def refresh(
    folder: Path, name: str, server: str, specs: Sequence[ColumnSpec], providers: Providers
) -> tuple[float, int, int]:
    """Seconds for every column's refresh, requests sent, posts stored."""
    store = Store.open(folder / f"{name}.sqlite")
    all_accounts = accounts(server)
    for account in all_accounts:
        store.upsert_account(account)
    engine = SyncEngine(store=store, providers=providers)
    column_feeds = [feeds_of(spec, all_accounts) for spec in specs]
    before = (await stats(server))["requests"]
    started = time.perf_counter()
    results = await asyncio.gather(*(engine.refresh_now(f) for f in column_feeds))
    elapsed = time.perf_counter() - started
    sent = (await stats(server))["requests"] - before
    await engine.aclose()
    assert all(not errors for errors in results), results
    posts = int(store.db.conn.execute("SELECT count(*) FROM posts").fetchone()[0])
    store.close()
    return elapsed, sent, posts


async def measure(
    server: str, folder: Path
) -> tuple[list[float], list[float], tuple[int, int], tuple[int, int]]:
    lpse = accounts(server)[0]
    columns_8 = deck(lpse)
    one = [ColumnSpec("home", lpse.id)]
    providers = Providers()
    # The server renders its answers once; the providers and their connections are made.
    await refresh(folder, "warm", server, columns_8, providers)
    decks: list[float] = []
    singles: list[float] = []
    deck_counts = single_counts = (0, 0)
    for n in range(REPEATS):
        seconds, sent, posts = await refresh(folder, f"one{n}", server, one, providers)
        singles.append(seconds)
        single_counts = (sent, posts)
        seconds, sent, posts = await refresh(folder, f"deck{n}", server, columns_8, providers)
        decks.append(seconds)
        deck_counts = (sent, posts)
    await providers.close_all()
    return decks, singles, deck_counts, single_counts


def start_server() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.loopback", "--latency", str(LATENCY)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("PORT "):
        process.kill()
        raise RuntimeError(f"the loopback server did not start: {line!r}")
    return process, f"http://127.0.0.1:{int(line.split()[1])}"


def run() -> list[Result]:
    process, server = start_server()
    try:
        with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
            decks, singles, (sent, posts), (one_sent, one_posts) = asyncio.run(
                measure(server, Path(tmp))
            )
            most = asyncio.run(stats(server))["most_in_flight"]
    finally:
        process.terminate()
        process.wait(timeout=10)
    best, base = min(decks), min(singles)
    return [
        Result(
            name="refresh",
            measure=(
                f"refresh of 8 columns ({sent} requests, {posts} posts) via SyncEngine, "
                f"{LATENCY * 1000:.0f} ms loopback server, over 1 column ({one_sent} request)"
            ),
            figure=best / base,
            unit="x",
            goal=Goal.AT_MOST,
            target=1.3,
            value=round(best, 3),
            baseline=round(base, 3),
            value_unit="s",
            note=(
                f"best of {REPEATS}; deck runs {', '.join(f'{s:.2f}' for s in decks)} s, one "
                f"column {', '.join(f'{s:.2f}' for s in singles)} s ({one_posts} posts); at "
                f"most {most} requests in flight at the server"
            ),
        )
    ]
