"""HTTP plumbing every provider shares: the successful reply, typed transport failures,
JSON decoding and rate-limit reset times."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx

from app.providers.base import Offline, ParseError, ProviderError, Rejected
from app.providers.fields import parse_time

Clock = Callable[[], datetime]
Params = Sequence[tuple[str, str]]

REDACTED = "[redacted]"


@dataclasses.dataclass(frozen=True, slots=True)
class Reply:
    """A successful response: decoded JSON body (None when empty) and headers."""

    status: int
    body: object
    headers: httpx.Headers


def error_for_transport(exc: Exception, *, account_id: str) -> ProviderError:
    """The typed error for a request that got no HTTP answer. Only the exception's class
    name is kept: its text may hold the URL."""
    name = type(exc).__name__
    if isinstance(exc, httpx.DecodingError):
        return ParseError(account_id, "Response", "(body)", name)
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return Rejected(account_id, f"not a usable server address ({name})")
    return Offline(account_id, name)


def decode_json(response: httpx.Response, *, account_id: str) -> object:
    if not response.content.strip():
        return None
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise ParseError(account_id, "Response", "(json)", "the body is not JSON") from None


def utc_now() -> datetime:
    return datetime.now(UTC)


def reset_time(value: str, *, now: datetime) -> datetime | None:
    """A reset moment from X-RateLimit-Reset (ISO-8601 or epoch seconds) or Retry-After
    (delta seconds or an HTTP date); None when unreadable."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        number = float(value)
        # Small numbers are Retry-After's "seconds from now", large ones epoch seconds.
        try:
            return (
                now + timedelta(seconds=number)
                if number < 1e9
                else datetime.fromtimestamp(number, UTC)
            )
        except (OverflowError, OSError, ValueError):
            return None
    try:
        return parse_time(value, error=_reset_error)
    except ParseError:
        pass
    try:
        return parsedate_to_datetime(value).astimezone(UTC)
    except (TypeError, ValueError, IndexError):
        return None


def _reset_error(why: str) -> ParseError:
    return ParseError("", "RateLimit", "reset", why)
