"""Per-account pacing of requests: rate-limit pauses, jittered backoff, sign-in pauses."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from app.providers.base import (
    AuthExpired,
    Offline,
    ProviderError,
    RateLimit,
    RateLimited,
    ServerFault,
)

# Below either of these the account stops until its window resets, keeping a few requests
# for the user's own actions (a reply typed while the deck polls must not hit a 429).
LOW_REMAINING = 3
LOW_FRACTION = 0.05


class PauseReason(StrEnum):
    """Why an account sends no requests for now."""

    NONE = "none"
    RATE_LIMIT = "rate_limit"  # the budget is spent or nearly so: wait for its reset
    BACKOFF = "backoff"  # the server failed or could not be reached
    AUTH = "auth"  # the token was refused: wait for a new sign-in (`resume`)


@dataclass(frozen=True, slots=True)
class AccountState:
    """Whether an account may send requests. `paused_until` is None for an AUTH pause,
    which lasts until `resume`; `error` is what caused the pause, handed to whoever asks
    for that account's feeds meanwhile."""

    paused_until: datetime | None = None
    reason: PauseReason = PauseReason.NONE
    error: ProviderError | None = None
    failures: int = 0

    def paused(self, now: datetime) -> bool:
        if self.reason is PauseReason.AUTH:
            return True
        return self.paused_until is not None and now < self.paused_until


class Backoff:
    """Exponential backoff with full jitter: a random wait below a ceiling that doubles per
    failure. The randomness spreads the retries of many desks after one server outage
    (AWS Architecture Blog, "Exponential Backoff And Jitter")."""

    def __init__(
        self,
        *,
        base: float = 30.0,
        cap: float = 15 * 60.0,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.base = base
        self.cap = cap
        self._jitter = jitter

    def delay(self, failures: int) -> float:
        """Seconds to wait after `failures` failures in a row (1 for the first)."""
        doublings = min(max(failures - 1, 0), 32)  # past the cap the exponent only overflows
        return self._jitter() * min(self.cap, self.base * 2.0**doublings)


def budget_low(limit: RateLimit) -> bool:
    return limit.remaining < LOW_REMAINING or limit.remaining < limit.limit * LOW_FRACTION


class Governor:
    """Per-account state of the request budget: who may send now, until when, and why not."""

    def __init__(self, backoff: Backoff) -> None:
        self.backoff = backoff
        self._states: dict[str, AccountState] = {}

    def state(self, account_id: str) -> AccountState:
        return self._states.get(account_id, AccountState())

    def paused(self, account_id: str, now: datetime) -> bool:
        return self.state(account_id).paused(now)

    def gate(self, account_id: str, now: datetime) -> ProviderError | None:
        """The error to answer with instead of sending a request, or None to go ahead."""
        state = self.state(account_id)
        return state.error if state.paused(now) else None

    def succeeded(self, account_id: str, limit: RateLimit | None, now: datetime) -> None:
        """A request went through: forget the failures, and pause if the budget ran low."""
        state = self.state(account_id)
        if state.paused(now) and state.reason is not PauseReason.BACKOFF:
            return  # answers a request sent before the 429 or the refusal: the pause stands
        if (
            limit is not None
            and limit.reset_at is not None
            and limit.reset_at > now
            and budget_low(limit)
        ):
            error = RateLimited(account_id, limit.reset_at, "request budget nearly spent")
            self._states[account_id] = AccountState(limit.reset_at, PauseReason.RATE_LIMIT, error)
        else:
            self._states.pop(account_id, None)

    def failed(self, account_id: str, exc: ProviderError, now: datetime) -> bool:
        """Pause the account if `exc` concerns all of it; False for an error of one feed."""
        state = self.state(account_id)
        if isinstance(exc, AuthExpired):
            self._states[account_id] = AccountState(None, PauseReason.AUTH, exc, state.failures)
            return True
        if not isinstance(exc, RateLimited | Offline | ServerFault):
            return False
        if state.reason is PauseReason.AUTH:
            return True  # a later fault must not end the wait for a sign-in
        if isinstance(exc, RateLimited) and exc.reset_at is not None and exc.reset_at > now:
            self._states[account_id] = AccountState(
                exc.reset_at, PauseReason.RATE_LIMIT, exc, state.failures
            )
            return True
        if (
            state.reason is PauseReason.BACKOFF
            and state.paused_until is not None
            and state.paused_until > now
        ):
            # Requests that were in flight together fail together: one outage, one step.
            return True
        failures = state.failures + 1
        until = now + timedelta(seconds=self.backoff.delay(failures))
        # A 429 without a reset time still means "slow down", so the user's refresh button
        # does not lift it as it lifts a fault backoff.
        reason = PauseReason.RATE_LIMIT if isinstance(exc, RateLimited) else PauseReason.BACKOFF
        self._states[account_id] = AccountState(until, reason, exc, failures)
        return True

    def lift_backoff(self, account_id: str) -> None:
        """Allow requests now after a fault (the user asked), keeping the failure count so
        that another fault waits longer; rate-limit and sign-in pauses stay."""
        state = self.state(account_id)
        if state.reason is PauseReason.BACKOFF:
            self._states[account_id] = replace(
                state, paused_until=None, reason=PauseReason.NONE, error=None
            )

    def resume(self, account_id: str) -> None:
        self._states.pop(account_id, None)
