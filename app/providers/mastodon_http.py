"""The one door for the Mastodon provider's HTTP: requests, typed failures, Link paging
and rate-limit headers."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

import httpx

from app.providers import mastodon_parse as mp
from app.providers.base import (
    AuthExpired,
    Cursor,
    NotFound,
    ProviderError,
    RateLimit,
    RateLimited,
    Rejected,
    ServerFault,
)
from app.providers.http import (
    REDACTED,
    Clock,
    Params,
    Reply,
    decode_json,
    error_for_transport,
    reset_time,
)
from app.turns import own_turn


def error_for_status(
    response: httpx.Response, *, account_id: str, now: datetime, secret: str = ""
) -> ProviderError | None:
    """The typed error for a non-2xx response, None for success. The server's words go
    into `detail`, with the secret cut out should a server ever echo it."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    try:
        body: object = response.json()
    except ValueError:
        body = None
    detail = mp.error_message(body, response.reason_phrase)
    if secret:
        detail = detail.replace(secret, REDACTED)
    if status in (401, 403):
        return AuthExpired(account_id, detail)
    if status == 404:
        return NotFound(account_id, detail)
    if status == 429:
        headers = response.headers
        reset = reset_time(headers.get("x-ratelimit-reset", ""), now=now) or reset_time(
            headers.get("retry-after", ""), now=now
        )
        return RateLimited(account_id, reset, detail)
    if 300 <= status < 400:
        return Rejected(account_id, detail or f"HTTP {status}: the server sent us elsewhere")
    if 400 <= status < 500:
        return Rejected(account_id, detail or f"HTTP {status}")
    return ServerFault(account_id, detail or f"HTTP {status}")


async def exchange(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    account_id: str,
    now: Clock,
    secret: str = "",
    seen: Callable[[httpx.Headers], None] | None = None,
    params: Params = (),
    headers: Mapping[str, str] | None = None,
    json_body: object = None,
    form: Mapping[str, str] | None = None,
    files: Mapping[str, tuple[str, bytes, str]] | None = None,
) -> Reply:
    """Send one request and map every failure to a ProviderError. The provider's
    `_request` and the sign-in module both send through here; nothing else does."""
    request_headers = dict(headers or {})
    if secret:
        request_headers["Authorization"] = f"Bearer {secret}"
    try:
        response = await client.request(
            method,
            url,
            params=list(params) or None,
            headers=request_headers,
            json=json_body,
            data=form,
            files=files,
        )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise error_for_transport(exc, account_id=account_id) from None
    # Decoding and parsing the answer run on the UI thread: answers that arrive together
    # are handled one per turn of the loop (app/turns.py).
    await own_turn()
    if seen is not None:
        seen(response.headers)
    failure = error_for_status(response, account_id=account_id, now=now(), secret=secret)
    if failure is not None:
        raise failure
    return Reply(
        response.status_code, decode_json(response, account_id=account_id), response.headers
    )


class Api:
    """One account's door to its server: each request with the token fresh from
    get_token and the rate-limit headers noted; every failure a ProviderError."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base: str,
        account_id: str,
        clock: Clock,
        get_token: Callable[[], Awaitable[str]],
    ) -> None:
        self.client = client
        self.base = base.rstrip("/")
        self.account_id = account_id
        self.clock = clock
        self.get_token = get_token
        self.rate: RateLimit | None = None
        self._once: dict[str, Reply] = {}

    async def request_once(self, path: str) -> Reply:
        """A GET whose answer holds for the provider's life (the instance description)."""
        if path not in self._once:
            self._once[path] = await self.request("GET", path)
        return self._once[path]

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params = (),
        headers: Mapping[str, str] | None = None,
        json_body: object = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> Reply:
        return await exchange(
            self.client,
            method,
            self.base + path,
            account_id=self.account_id,
            now=self.clock,
            secret=await self.get_token(),
            seen=self._note_rate_limit,
            params=params,
            headers=headers,
            json_body=json_body,
            form=form,
            files=files,
        )

    def _note_rate_limit(self, headers: httpx.Headers) -> None:
        rate = parse_rate_limit(headers, now=self.clock())
        if rate is not None:
            self.rate = rate


# --- headers: Link paging and rate limits ---------------------------------------------


def link_cursors(headers: Mapping[str, str]) -> tuple[Cursor | None, Cursor | None]:
    """(older, newer) from the Link header: rel=next gives max_id, rel=prev gives min_id
    (servers that still send since_id there mean the same id)."""
    links = parse_link_header(headers.get("link", ""))
    older = links.get("next", {}).get("max_id", "")
    prev = links.get("prev", {})
    newer = prev.get("min_id") or prev.get("since_id") or ""
    return (
        Cursor(f"max_id:{older}") if older else None,
        Cursor(f"min_id:{newer}") if newer else None,
    )


_LINK_PART = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_LINK_PARAM = re.compile(r"""\s*;\s*([A-Za-z0-9_*-]+)\s*=\s*"?([^";,]*)"?""")


def parse_link_header(value: str) -> dict[str, dict[str, str]]:
    """RFC 8288 Link header -> {rel: {query parameter: value}}: for Mastodon
    {"next": {"max_id": …, "limit": …}, "prev": {"min_id": …}}. Unreadable parts are
    skipped: paging then simply stops rather than failing the page."""
    links: dict[str, dict[str, str]] = {}
    for match in _LINK_PART.finditer(value):
        url, params = match.group(1), match.group(2)
        rels = [m.group(2) for m in _LINK_PARAM.finditer(params) if m.group(1).lower() == "rel"]
        try:
            query = dict(parse_qsl(urlsplit(url).query))
        except ValueError:
            continue
        for rel in " ".join(rels).split():
            links.setdefault(rel.lower(), query)
    return links


def parse_rate_limit(headers: Mapping[str, str], *, now: datetime) -> RateLimit | None:
    """X-RateLimit-Limit/-Remaining/-Reset: https://docs.joinmastodon.org/api/rate-limits/

    The reset is ISO-8601 (Mastodon, GoToSocial); epoch seconds are accepted too.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        limit = int(lowered["x-ratelimit-limit"])
        remaining = int(lowered["x-ratelimit-remaining"])
    except (KeyError, ValueError):
        return None
    return RateLimit(limit, remaining, reset_time(lowered.get("x-ratelimit-reset", ""), now=now))
