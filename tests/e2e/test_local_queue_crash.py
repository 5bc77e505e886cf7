"""Acceptance of Pantau's own schedule: kill -9 in the middle of 100 scheduled Bluesky sends,
twice; after the restarts exactly 100 posts exist on the real network, none twice."""

from __future__ import annotations

import asyncio
import secrets
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from app import credentials
from app.model import Account, ScheduledPost, ScheduleState
from app.providers import bluesky_auth
from app.store import Store
from tests.bluesky_network import (
    BlueskyNetwork,
    create_account,
    create_app_password,
    wait_until,
    xrpc_url,
)

POSTS = 100
ROOT = Path(__file__).resolve().parents[2]


def texts_on_the_network(network: BlueskyNetwork, did: str, mark: str) -> list[str]:
    """Every post of the account carrying `mark`, read straight from its repository."""
    found: list[str] = []
    cursor = ""
    while True:
        params = {"repo": did, "collection": "app.bsky.feed.post", "limit": "100"}
        if cursor:
            params["cursor"] = cursor
        page = httpx.get(
            xrpc_url(network.pds, "com.atproto.repo.listRecords"), params=params, timeout=30
        ).json()
        found += [r["value"]["text"] for r in page["records"] if mark in r["value"]["text"]]
        cursor = page.get("cursor", "")
        if not cursor or not page["records"]:
            return found


def worker(cache: Path, crash: str = "") -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.queue_worker", str(cache), *([crash] if crash else [])],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )


def queue_of(network: BlueskyNetwork, cache: Path, posts: int) -> tuple[Account, str, str]:
    """A fresh office account signed in (its session in the keyring) with `posts` posts
    due now in Pantau's own queue; returns the account, its DID and the posts' mark."""
    handle = f"humas-{secrets.token_hex(2)}.test"
    password = secrets.token_urlsafe(12)
    admin = create_account(network, handle, f"{handle}@example.test", password)
    app_password = create_app_password(network, admin, "pantau")

    async def sign_in() -> Account:
        async with httpx.AsyncClient() as client:
            account, session = await bluesky_auth.sign_in(
                client, identifier=handle, app_password=app_password, service=network.pds
            )
        await credentials.store_secret(account.id, session.to_secret())
        return account

    account = asyncio.run(sign_in())
    store = Store.open(cache)
    store.upsert_account(account)
    mark = secrets.token_hex(4)
    due = datetime.now(UTC) - timedelta(seconds=1)
    for number in range(posts):
        store.add_scheduled(
            ScheduledPost(0, account.id, f"Pengumuman {number:03d} LPSE {mark}", due)
        )
    store.close()
    return account, admin.did, mark


@pytest.mark.keyring
@pytest.mark.parametrize("step", ["before-request", "after-response"])
def test_killed_at_each_step_of_a_send_the_post_still_exists_once(
    bluesky_network: BlueskyNetwork, tmp_path: Path, step: str
) -> None:
    cache = tmp_path / "pantau.sqlite3"
    account, did, mark = queue_of(bluesky_network, cache, 5)
    try:
        crashed = worker(cache, f"{step}:3")  # dies sending the third post
        crashed.wait(timeout=120)
        assert crashed.returncode == -signal.SIGKILL
        expected = 3 if step == "after-response" else 2
        assert len(texts_on_the_network(bluesky_network, did, mark)) == expected
        again = worker(cache)
        _, errors = again.communicate(timeout=120)
        assert again.returncode == 0, errors.decode()
    finally:
        asyncio.run(credentials.forget_secret(account.id))
    texts = texts_on_the_network(bluesky_network, did, mark)
    assert sorted(texts) == sorted(f"Pengumuman {n:03d} LPSE {mark}" for n in range(5))


@pytest.mark.keyring
def test_kill_9_twice_during_100_scheduled_sends_leaves_exactly_100_posts(
    bluesky_network: BlueskyNetwork, tmp_path: Path
) -> None:
    cache = tmp_path / "pantau.sqlite3"
    account, did, mark = queue_of(bluesky_network, cache, POSTS)
    account_id = account.id

    try:
        for kill_at in (20, 60):
            process = worker(cache)

            def posted(at: int = kill_at) -> bool:
                return len(texts_on_the_network(bluesky_network, did, mark)) >= at

            wait_until(posted, deadline=120, interval=0.02)
            process.send_signal(signal.SIGKILL)
            process.wait()
            assert process.returncode == -signal.SIGKILL
        last = worker(cache)
        _, errors = last.communicate(timeout=180)
        assert last.returncode == 0, errors.decode()
    finally:
        asyncio.run(credentials.forget_secret(account_id))

    texts = texts_on_the_network(bluesky_network, did, mark)
    assert len(texts) == POSTS
    assert len(set(texts)) == POSTS  # none twice
    store = Store.open(cache)
    try:
        states = {
            store.scheduled_post(i).state  # type: ignore[union-attr]
            for i in range(1, POSTS + 1)
        }
        assert states == {ScheduleState.SENT}
    finally:
        store.close()
