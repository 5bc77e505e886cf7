"""When each wanted feed is due: its interval, a live stream's cover, a gap left to finish."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from datetime import datetime, timedelta

from app.backoff import Governor, PauseReason
from app.model import FeedSpec


class PollPlan:
    """The poller's book of wanted feeds, by key. Pure: times are passed in."""

    def __init__(self, *, interval: timedelta, stream_interval: timedelta) -> None:
        self.interval = interval
        self.stream_interval = stream_interval
        self.wanted: dict[str, FeedSpec] = {}
        self._attempted: dict[str, datetime] = {}
        self._behind: set[str] = set()  # due at once: a capped gap, a stream (re)connecting
        self._streamed: set[str] = set()  # covered by a live stream: polled rarely

    def set_wanted(
        self, feeds: Iterable[FeedSpec], last_refreshed: Callable[[str], datetime | None]
    ) -> None:
        self.wanted = {f.key: f for f in feeds}
        for key in self.wanted.keys() - self._attempted.keys():
            last = last_refreshed(key)
            if last is not None:  # fetched in an earlier session: due one interval after
                self._attempted[key] = last

    def keys_of(self, account_id: str) -> list[str]:
        return [key for key, spec in self.wanted.items() if spec.account_id == account_id]

    def attempted(self, key: str, now: datetime, *, complete: bool = True) -> None:
        """A fetch of new posts ended; an incomplete one (a capped gap) is due again at once.
        A failed one counts too, so that it is retried after an interval, not in a loop."""
        self._attempted[key] = now
        if complete:
            self._behind.discard(key)
        else:
            self._behind.add(key)

    def poll_now(self, keys: Iterable[str]) -> None:
        self._behind.update(keys)

    def set_streamed(self, keys: Iterable[str], *, live: bool) -> None:
        if live:
            self._streamed.update(keys)
        else:
            self._streamed.difference_update(keys)

    def due_at(self, key: str, now: datetime) -> datetime:
        last = self._attempted.get(key)
        if last is None or key in self._behind:
            return now
        return last + (self.stream_interval if key in self._streamed else self.interval)

    def due(
        self, now: datetime, *, governor: Governor, busy: Container[str]
    ) -> dict[str, list[FeedSpec]]:
        """Due feeds by account, leaving out busy accounts (one round each at a time) and
        paused ones."""
        due: dict[str, list[FeedSpec]] = {}
        for key, spec in self.wanted.items():
            account_id = spec.account_id
            if account_id in busy or governor.paused(account_id, now):
                continue
            if self.due_at(key, now) <= now:
                due.setdefault(account_id, []).append(spec)
        return due

    def next_wake(self, now: datetime, *, governor: Governor, busy: Container[str]) -> float | None:
        """Seconds until a feed of an idle account is due, counting its pause; None when
        only a finished round or `resume` can make one due."""
        times: list[datetime] = []
        for key, spec in self.wanted.items():
            state = governor.state(spec.account_id)
            if spec.account_id in busy or state.reason is PauseReason.AUTH:
                continue
            at = self.due_at(key, now)
            if state.paused_until is not None:
                at = max(at, state.paused_until)
            times.append(at)
        return max(0.0, (min(times) - now).total_seconds()) if times else None
