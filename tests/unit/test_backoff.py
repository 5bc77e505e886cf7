"""Per-account pacing: jittered backoff, rate-limit and sign-in pauses, without a clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.backoff import Backoff, Governor, PauseReason, budget_low
from app.providers.base import AuthExpired, NotFound, Offline, RateLimit, RateLimited, ServerFault

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def governor(jitter: float = 1.0) -> Governor:
    return Governor(Backoff(jitter=lambda: jitter))


def test_backoff_ceiling_doubles_up_to_the_cap() -> None:
    ceilings = [Backoff(jitter=lambda: 1.0).delay(n) for n in range(1, 9)]
    assert ceilings == [30, 60, 120, 240, 480, 900, 900, 900]
    assert Backoff(jitter=lambda: 1.0).delay(10_000) == 900  # no overflow


def test_full_jitter_scales_the_whole_wait() -> None:
    fractions = iter([0.0, 0.25, 0.999])
    backoff = Backoff(jitter=lambda: next(fractions))
    assert [backoff.delay(3) for _ in range(3)] == [0.0, 30.0, 119.88]


def test_budget_is_low_below_three_or_five_percent() -> None:
    assert budget_low(RateLimit(300, 2))
    assert budget_low(RateLimit(300, 14))
    assert not budget_low(RateLimit(300, 15))
    assert not budget_low(RateLimit(40, 3))


def test_success_with_a_low_budget_pauses_until_the_reset() -> None:
    gov = governor()
    reset = NOW + timedelta(minutes=3)
    gov.succeeded("a", RateLimit(300, 1, reset), NOW)
    state = gov.state("a")
    assert (state.reason, state.paused_until) == (PauseReason.RATE_LIMIT, reset)
    assert isinstance(gov.gate("a", NOW), RateLimited)
    assert gov.gate("a", reset) is None
    gov.succeeded("a", RateLimit(300, 1, NOW), reset)  # a reset already past: no pause
    assert gov.state("a").reason is PauseReason.NONE


def test_faults_count_up_and_a_success_resets_them() -> None:
    gov = governor()
    now = NOW
    for expected in (30, 60, 120):  # each fault after the previous pause ended
        assert gov.failed("a", ServerFault("a"), now)
        state = gov.state("a")
        assert state.paused_until == now + timedelta(seconds=expected)
        now = state.paused_until
    gov.succeeded("a", None, NOW)
    gov.failed("a", Offline("a"), NOW)
    assert gov.state("a").paused_until == NOW + timedelta(seconds=30)
    assert gov.state("b").paused_until is None  # accounts are apart


def test_429_without_a_reset_backs_off_and_is_not_lifted_by_the_button() -> None:
    gov = governor()
    gov.failed("a", RateLimited("a", None), NOW)
    assert gov.state("a").reason is PauseReason.RATE_LIMIT
    assert gov.state("a").paused_until == NOW + timedelta(seconds=30)
    gov.lift_backoff("a")
    assert gov.paused("a", NOW)


def test_lifting_a_fault_backoff_keeps_its_count() -> None:
    gov = governor()
    gov.failed("a", Offline("a"), NOW)
    gov.lift_backoff("a")
    assert not gov.paused("a", NOW)
    gov.failed("a", Offline("a"), NOW)
    assert gov.state("a").paused_until == NOW + timedelta(seconds=60)


def test_auth_pause_lasts_until_resume_and_outranks_later_faults() -> None:
    gov = governor()
    refused = AuthExpired("a", "401")
    assert gov.failed("a", refused, NOW)
    assert gov.failed("a", ServerFault("a"), NOW)
    gov.succeeded("a", None, NOW)  # a request sent before the refusal
    assert gov.gate("a", NOW + timedelta(days=30)) is refused
    gov.resume("a")
    assert gov.gate("a", NOW) is None


def test_an_error_of_one_feed_does_not_pause_the_account() -> None:
    gov = governor()
    assert not gov.failed("a", NotFound("a", "tag"), NOW)
    assert not gov.paused("a", NOW)


def test_an_answer_sent_before_a_429_does_not_end_its_pause() -> None:
    gov = governor()
    reset = NOW + timedelta(minutes=2)
    gov.failed("a", RateLimited("a", reset), NOW)
    gov.succeeded("a", None, NOW)
    assert gov.state("a").paused_until == reset
    gov.succeeded("a", None, reset)
    assert gov.state("a").reason is PauseReason.NONE


def test_requests_failing_together_count_as_one_failure() -> None:
    from datetime import UTC, datetime

    from app.backoff import Backoff, Governor
    from app.providers.base import Offline

    governor = Governor(Backoff(jitter=lambda: 1.0))
    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    assert governor.failed("acct", Offline("acct", "connect"), now)
    assert governor.failed("acct", Offline("acct", "connect"), now)  # the other in flight
    assert governor.state("acct").failures == 1
