"""Reach of the office accounts: month figures worked out by hand, the daily sampler, and
engagement counts kept in the cache."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.model import Account, Engagement, Network, Post, Visibility
from app.providers.base import AuthExpired, Provider
from app.reach import ReachSampler, month_reach, reach_csv
from app.store import Store
from app.store_reach import own_feed
from app.workdays import JAKARTA
from tests.factories import make_account, make_post

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 WIB


def wib(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=JAKARTA)


def post(remote_id: str, at: datetime, counts: tuple[int, int, int] | None) -> Post:
    made = make_post(remote_id=remote_id, created_at=at)
    return replace(made, engagement=Engagement(*counts) if counts else None)


def test_month_reach_by_hand() -> None:
    lpse, humas = make_account("lpse"), make_account("humas")
    samples = [
        ("lpse", date(2026, 10, 31), 900),  # the month before: not counted
        ("lpse", date(2026, 11, 2), 1000),
        ("lpse", date(2026, 11, 15), 1040),
        ("lpse", date(2026, 11, 30), 1025),
    ]
    posts = [
        ("lpse", post("1", wib(3, 9), (1, 2, 10))),  # 13 at 09
        ("lpse", post("2", wib(4, 9), (3, 0, 5))),  # 8 at 09
        ("lpse", post("3", wib(5, 19), (4, 6, 30))),  # 40 at 19
        ("lpse", post("4", wib(6, 19), (0, 2, 18))),  # 20 at 19
        ("humas", post("5", wib(7, 13), None)),  # no counts: a post, not in the means
        ("humas", post("6", wib(8, 13), (0, 0, 1))),  # 1 at 13: one post only
    ]
    reach = month_reach(
        [lpse, humas],
        samples,
        posts,
        first=date(2026, 11, 1),
        last=date(2026, 11, 30),
        zone=JAKARTA,
    )
    by_id = {a.account_id: a for a in reach.accounts}
    assert (by_id["lpse"].followers_first, by_id["lpse"].followers_last) == (1000, 1025)
    assert by_id["lpse"].growth == 25
    assert (by_id["lpse"].posts, by_id["lpse"].replies, by_id["lpse"].reposts) == (4, 8, 10)
    assert by_id["lpse"].likes == 63
    assert (by_id["humas"].posts, by_id["humas"].likes, by_id["humas"].growth) == (2, 1, None)
    assert reach.hours[9].mean_engagement == pytest.approx(10.5)  # (13 + 8) / 2
    assert reach.hours[19].mean_engagement == pytest.approx(30.0)  # (40 + 20) / 2
    assert reach.hours[13].posts == 2
    assert reach.hours[13].mean_engagement == pytest.approx(1.0)  # only the counted one
    assert reach.best_hours == (19, 9, 13)  # 13 has two posts, so it ranks
    series = reach.followers[lpse.label]
    assert len(series) == 30
    assert (series[1], series[14], series[29], series[0]) == (1000, 1040, 1025, None)
    lines = reach_csv(reach).splitlines()
    assert lines[0].startswith("account,followers_first")
    assert any(line.endswith(",,,,2,0,0,1") for line in lines)  # humas: no samples


class ReachProvider:
    def __init__(self, account: Account, followers: int, posts: Sequence[Post]) -> None:
        self.account = account
        self.followers = followers
        self.posts = list(posts)
        self.calls = 0
        self.error: Exception | None = None
        self.since: list[datetime] = []

    async def follower_count(self) -> int:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return self.followers

    async def own_posts(self, since: datetime, *, limit: int = 200) -> Sequence[Post]:
        self.since.append(since)
        return [p for p in self.posts if p.created_at >= since]


class Providers:
    def __init__(self, providers: dict[str, ReachProvider]) -> None:
        self.providers = providers

    async def provider(self, account: Account) -> Provider:
        return self.providers[account.id]  # type: ignore[return-value]

    async def forget(self, account_id: str) -> None:
        pass

    async def aclose(self) -> None:
        pass


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def test_sampler_samples_once_per_office_day_and_survives_failures(store: Store) -> None:
    lpse, humas = make_account("lpse"), make_account("humas")
    mine = post("9", NOW - timedelta(days=3), (2, 3, 4))
    direct = replace(post("dm", NOW - timedelta(hours=1), (0, 0, 0)), visibility=Visibility.DIRECT)
    old = post("old", NOW - timedelta(days=60), (1, 1, 1))
    good = ReachProvider(lpse, 1234, [mine, old, direct])
    bad = ReachProvider(humas, 10, [])
    bad.error = AuthExpired("humas", "token revoked")
    clock = [NOW]
    sampler = ReachSampler(
        store=store,
        providers=Providers({"lpse": good, "humas": bad}),
        zone=lambda: JAKARTA,
        clock=lambda: clock[0],
    )

    failures = asyncio.run(sampler.sample([lpse, humas]))

    assert set(failures) == {"humas"}
    assert store.follower_samples(date(2026, 11, 23), date(2026, 11, 23)) == [
        ("lpse", date(2026, 11, 23), 1234)
    ]
    (stored,) = store.own_posts(["lpse"], NOW - timedelta(days=35), NOW)
    assert stored[0] == "lpse"
    assert stored[1].engagement == Engagement(2, 3, 4)
    assert good.since == [NOW - timedelta(days=35)]
    clock[0] = NOW + timedelta(hours=10)  # 20:00 WIB: the same office day
    asyncio.run(sampler.sample([lpse, humas]))
    assert good.calls == 1
    assert bad.calls == 2  # the failed one is tried again
    clock[0] = NOW + timedelta(hours=15)  # 01:00 WIB the next day (still the 23rd in UTC)
    asyncio.run(sampler.sample([lpse]))
    assert good.calls == 2


def test_counts_are_kept_when_a_later_copy_has_none(store: Store) -> None:
    counted = post("1", NOW, (1, 2, 3))
    store.upsert_posts(own_feed("acct-1"), [counted], fetched_at=NOW)
    store.upsert_posts("acct-1|home", [replace(counted, engagement=None)], fetched_at=NOW)
    (entry,) = store.feed_entries(["acct-1|home"], before=None, limit=5)
    assert entry.post.engagement == Engagement(1, 2, 3)
    store.upsert_posts(own_feed("acct-1"), [replace(counted, engagement=Engagement(1, 2, 9))],
                       fetched_at=NOW)  # fmt: skip
    (entry,) = store.feed_entries(["acct-1|home"], before=None, limit=5)
    assert entry.post.engagement == Engagement(1, 2, 9)
    assert entry.post.network is Network.MASTODON
