"""Reach of the office's own accounts, the first worry of a PR team: followers sampled once
per office day, and what people did with the office's posts. The sampler fetches; the month
figures are worked out from the store. No Qt here."""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from app import credentials
from app.model import Account, Post, Visibility
from app.providers.base import ProviderError, SupportsReach
from app.store import Store
from app.store_reach import own_feed
from app.sync import ProviderSource

log = logging.getLogger(__name__)

LOOK_BACK = timedelta(days=35)
"""Own posts are fetched this far back each day, so a month's counts settle."""
SAMPLE_EVERY = timedelta(hours=3)
"""How often the running app checks whether today's sample is taken (it is, once a day)."""
MIN_POSTS_FOR_HOUR = 2


@dataclass(frozen=True, slots=True)
class AccountReach:
    """One office account over a month."""

    account_id: str
    label: str
    followers_first: int | None  # the month's first sample
    followers_last: int | None  # and its last
    posts: int
    replies: int
    reposts: int
    likes: int

    @property
    def growth(self) -> int | None:
        if self.followers_first is None or self.followers_last is None:
            return None
        return self.followers_last - self.followers_first


@dataclass(frozen=True, slots=True)
class HourReach:
    """Posts published in one hour of the office day, and their mean replies + reposts +
    likes."""

    hour: int
    posts: int
    mean_engagement: float | None


@dataclass(frozen=True, slots=True)
class ReachReport:
    accounts: tuple[AccountReach, ...]
    followers: Mapping[str, tuple[int | None, ...]]  # account label -> per day of month
    hours: tuple[HourReach, ...]  # 0..23, office time
    best_hours: tuple[int, ...]  # up to three, most engagement per post first


def month_reach(
    accounts: Sequence[Account],
    samples: Sequence[tuple[str, date, int]],
    posts: Sequence[tuple[str, Post]],
    *,
    first: date,
    last: date,
    zone: ZoneInfo,
) -> ReachReport:
    """The month first..last (office days) from follower samples and the accounts' own
    posts (account id, post) with engagement. Posts without counts count as posts but not
    in the sums and means."""
    days = (last - first).days + 1
    per_account: dict[str, dict[date, int]] = defaultdict(dict)
    for account_id, day, followers in samples:
        if first <= day <= last:
            per_account[account_id][day] = followers
    owned: dict[str, list[Post]] = defaultdict(list)
    for account_id, post in posts:
        owned[account_id].append(post)
    rows = []
    series: dict[str, tuple[int | None, ...]] = {}
    for account in accounts:
        counts = per_account.get(account.id, {})
        if not counts and not owned.get(account.id):
            continue
        mine = owned.get(account.id, [])
        ordered = [counts[d] for d in sorted(counts)]
        rows.append(
            AccountReach(
                account_id=account.id,
                label=account.label,
                followers_first=ordered[0] if ordered else None,
                followers_last=ordered[-1] if ordered else None,
                posts=len(mine),
                replies=sum(p.engagement.replies for p in mine if p.engagement),
                reposts=sum(p.engagement.reposts for p in mine if p.engagement),
                likes=sum(p.engagement.likes for p in mine if p.engagement),
            )
        )
        if counts:
            series[account.label] = tuple(
                counts.get(first + timedelta(days=n)) for n in range(days)
            )
    hours = _hours([p for _, p in posts], zone)
    ranked = sorted(
        (h for h in hours if h.mean_engagement is not None and h.posts >= MIN_POSTS_FOR_HOUR),
        key=lambda h: (-(h.mean_engagement or 0.0), h.hour),
    )
    return ReachReport(tuple(rows), series, hours, tuple(h.hour for h in ranked[:3]))


def _hours(posts: Sequence[Post], zone: ZoneInfo) -> tuple[HourReach, ...]:
    by_hour: dict[int, list[Post]] = defaultdict(list)
    for post in posts:
        by_hour[post.created_at.astimezone(zone).hour].append(post)
    hours = []
    for hour in range(24):
        found = by_hour.get(hour, [])
        counted = [p.engagement.total for p in found if p.engagement is not None]
        mean = statistics.fmean(counted) if counted else None
        hours.append(HourReach(hour, len(found), mean))
    return tuple(hours)


class ReachSampler:
    """Once per office day and account: the follower count, and the account's own posts of
    the last five weeks with their counts. A failure is logged and tried again later; it
    never reaches the columns, since reach is a report figure, not something to act on."""

    def __init__(
        self,
        *,
        store: Store,
        providers: ProviderSource,
        zone: Callable[[], ZoneInfo],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._providers = providers
        self._zone = zone
        self._clock = clock

    async def sample(self, accounts: Sequence[Account]) -> dict[str, Exception]:
        """Take today's sample of each account that has none yet; returns the failures."""
        failures: dict[str, Exception] = {}
        for account in accounts:
            now = self._clock()
            today = now.astimezone(self._zone()).date()
            if self._store.sampled_on(account.id, today):
                continue
            try:
                provider = await self._providers.provider(account)
                if not isinstance(provider, SupportsReach):
                    continue
                followers = await provider.follower_count()
                posts = await provider.own_posts(now - LOOK_BACK)
            except (ProviderError, credentials.CredentialsError) as exc:
                log.info("reach of %s not sampled: %s", account.id, exc)
                failures[account.id] = exc
                continue
            # Reach is about what the public saw; a server may list the account's DMs too.
            public = [p for p in posts if p.visibility is not Visibility.DIRECT]
            self._store.upsert_posts(own_feed(account.id), public, fetched_at=now)
            self._store.record_followers(account.id, today, followers, now)
        return failures

    async def run(self, accounts: Callable[[], Sequence[Account]]) -> None:
        """Sample now and then every few hours, for as long as the app runs."""
        while True:
            await self.sample(accounts())
            await asyncio.sleep(SAMPLE_EVERY.total_seconds())


def reach_csv(reach: ReachReport) -> str:
    """One row per office account; empty cells where no follower count was sampled."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["account", "followers_first", "followers_last", "growth", "posts", "replies",
         "reposts", "likes"]
    )  # fmt: skip
    for a in reach.accounts:
        writer.writerow(
            [a.label, _cell(a.followers_first), _cell(a.followers_last), _cell(a.growth),
             a.posts, a.replies, a.reposts, a.likes]
        )  # fmt: skip
    return out.getvalue()


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)
