"""Every request the Mastodon provider and sign-in make, checked against the OpenAPI spec."""

from __future__ import annotations

import asyncio
import json
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from app.model import Account, Draft, FeedKind, FeedSpec, Network, TagMatch, Visibility
from app.providers import mastodon_auth
from app.providers.mastodon import MastodonProvider
from tests.mastodon_server import FakeMastodon

SPEC = Path(__file__).parent.parent / "fixtures" / "specs" / "mastodon-openapi.json"
ACCOUNT_ID = "mastodon:lpse_admin@sosmed.example"
OWN_STATUSES = 45  # own_posts() then follows a next page (40 a page)

# The one allow-list of known gaps between the spec (generated from Mastodon's docs) and
# what servers speak. Each gap is a rewrite applied before validation, so the values are
# still checked against the spec's schema; nothing is skipped. The test fails if a gap
# is no longer exercised, so the list cannot silently rot.
BRACKET_ARRAYS = {
    # Servers read array query parameters as name[]; GoToSocial silently ignores a plain
    # `types` (fixture 33). The spec names them without brackets.
    "/api/v1/notifications": {"types[]", "exclude_types[]"},
    "/api/v1/timelines/tag/": {"any[]", "all[]", "none[]"},
    "/api/v1/markers": {"timeline[]"},
}
FORM_ENCODED = {
    # RFC 6749 section 4.1.3 wants the token request form-encoded; the spec lists JSON only.
    ("POST", "/oauth/token"),
}
BINARY_PARTS = {
    # File parts of multipart bodies are `type: string, format: binary`, the OpenAPI 3.0
    # spelling, in a 3.1 document; openapi-core's 3.1 validator then wants text, not
    # bytes. The type is dropped from such schemas; the parts stay required.
    ("POST", "/api/v2/media"),
}
OVERLAPPING_STATUS_BODIES = {
    # The status body is `oneOf` TextStatus, MediaStatus, PollStatus, but text with media
    # (a photo and its caption) is valid under two of them; it is read as `anyOf`.
    ("POST", "/api/v1/statuses"),
}
STRING_REDIRECT_URIS = {
    # redirect_uris as one string: every server takes it, servers before Mastodon 4.3
    # (GoToSocial too) take nothing else; the spec shows 4.3's array form.
    ("POST", "/api/v1/apps"),
}


def untyped_binary(node: object) -> object:
    """The spec with `type` dropped where `format: binary` (see BINARY_PARTS)."""
    if isinstance(node, dict):
        if node.get("format") == "binary":
            return {k: v for k, v in node.items() if k != "type"}
        return {k: untyped_binary(v) for k, v in node.items()}
    if isinstance(node, list):
        return [untyped_binary(v) for v in node]
    return node


@cache
def openapi() -> OpenAPI:
    # Spec validation off: the spec itself is not under test (and has known warts).
    spec = untyped_binary(json.loads(SPEC.read_text(encoding="utf-8")))
    assert isinstance(spec, dict)
    for method, path in OVERLAPPING_STATUS_BODIES:
        content = spec["paths"][path][method.lower()]["requestBody"]["content"]
        schema = content["application/json"]["schema"]
        schema["anyOf"] = schema.pop("oneOf")
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


class SpecRequest:
    """An httpx request as openapi-core's Request protocol sees it."""

    def __init__(self, request: httpx.Request, query: list[tuple[str, str]], body: bytes) -> None:
        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query), header=Headers(list(request.headers.items()))
        )
        self.body = body or None
        self.content_type = request.headers.get("content-type", "")

    @property
    def host_url(self) -> str:
        return f"{self._request.url.scheme}://{self._request.url.netloc.decode()}"

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()


@dataclass
class ContractCheck:
    """Validates each request before the fake server answers it."""

    server: FakeMastodon
    violations: list[str] = field(default_factory=list)
    gaps_used: set[str] = field(default_factory=set)
    seen: list[tuple[str, str]] = field(default_factory=list)

    def as_spec_sees_it(self, request: httpx.Request) -> SpecRequest:
        method, path = request.method, request.url.path
        query = list(request.url.params.multi_items())
        brackets = next((names for p, names in BRACKET_ARRAYS.items() if path.startswith(p)), set())
        if any(k in brackets for k, _ in query):
            self.gaps_used.add("bracket arrays")
            query = [(k.removesuffix("[]") if k in brackets else k, v) for k, v in query]
        body = request.content
        if (method, path) in FORM_ENCODED:
            self.gaps_used.add("form-encoded token request")
            assert request.headers["content-type"] == "application/x-www-form-urlencoded"
            body = json.dumps(dict(parse_qsl(body.decode()))).encode()
            request.headers["content-type"] = "application/json"
        if (method, path) in OVERLAPPING_STATUS_BODIES and {"status", "media_ids"} <= set(
            json.loads(body)
        ):
            self.gaps_used.add("text with media")
        if (method, path) in BINARY_PARTS:
            self.gaps_used.add("binary file parts")
        if (method, path) in STRING_REDIRECT_URIS:
            data = json.loads(body)
            if isinstance(data.get("redirect_uris"), str):
                self.gaps_used.add("string redirect_uris")
                body = json.dumps({**data, "redirect_uris": [data["redirect_uris"]]}).encode()
        return SpecRequest(request, query, body)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        checked = httpx.Request(
            request.method, request.url, headers=request.headers, content=request.content
        )
        with warnings.catch_warnings():
            # openapi-core cannot check oauth2 security; test_secured_calls_send_a_token does.
            warnings.filterwarnings("ignore", "Unsupported scheme type")
            try:
                result = openapi().unmarshal_request(self.as_spec_sees_it(checked))
            except Exception as exc:  # any failure to match is a violation
                self.violations.append(f"{request.method} {request.url.path}: {exc!r} {exc}")
            else:
                for error in result.errors:
                    why = f"{error} {error.__cause__ or ''}"
                    self.violations.append(f"{request.method} {request.url.path}: {why}")
        self.seen.append((request.method, request.url.path))
        return self.server.handle(request)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handle))


async def no_sleep(_delay: float) -> None:
    return None


async def scenario(check: ContractCheck) -> None:
    """Every method of the provider and the sign-in module, with paging and retries."""
    server = check.server
    async with check.client() as client:
        app = await mastodon_auth.register_app(client, server.base, mastodon_auth.OOB_REDIRECT)
        token = await mastodon_auth.exchange_code(client, app, server.authorize(app.client_id))
        account = await mastodon_auth.account_from_token(client, server.base, token)
    assert account.id == ACCOUNT_ID

    async def get_token() -> str:
        return token

    provider = MastodonProvider(
        Account(ACCOUNT_ID, Network.MASTODON, "lpse_admin", "Admin", server=server.base),
        client=check.client(),
        get_token=get_token,
        sleep=no_sleep,
    )
    first = server.post_as("warga1", "Jalan rusak #KemalaJateng #LPSE @lpse_admin")
    server.post_as("warga2", "@lpse_admin akun terkunci", visibility="direct")
    await provider.whoami()
    for feed in [
        FeedSpec(ACCOUNT_ID, FeedKind.HOME),
        FeedSpec(ACCOUNT_ID, FeedKind.MENTIONS),
        FeedSpec(ACCOUNT_ID, FeedKind.TAG, tags=("KemalaJateng", "LPSE"), exclude=("spam",)),
        FeedSpec(ACCOUNT_ID, FeedKind.TAG, tags=("KemalaJateng", "LPSE"), match=TagMatch.ALL),
        FeedSpec(ACCOUNT_ID, FeedKind.SEARCH, query="jalan"),
        FeedSpec(ACCOUNT_ID, FeedKind.CONVERSATIONS),
    ]:
        page = await provider.feed(feed, limit=1)
        for cursor in (page.older, page.newer):
            if cursor is not None:
                await provider.feed(feed, cursor=cursor, limit=1)
    server.media_processing = 1
    media = await provider.upload_media(
        b"png", filename="jalan.png", mime_type="image/png", description="Lubang"
    )
    draft = Draft(
        ACCOUNT_ID,
        "@warga1 Sudah diteruskan",
        in_reply_to=first.id,
        spoiler="Jalan",
        media_ids=(media,),
        visibility=Visibility.UNLISTED,
        language="id",
    )
    server.fail_next(exc=httpx.ReadTimeout, after=True, path="/api/v1/statuses")
    with pytest.raises(Exception, match="ReadTimeout"):
        await provider.publish(draft, idempotency_key="k1")
    await provider.publish(draft, idempotency_key="k1")  # the retry looks first
    conversation = (await provider.conversations()).items[0]
    await provider.thread(conversation.remote_id)
    await provider.thread(first.id)
    await provider.send_direct(
        conversation.remote_id, Draft(ACCOUNT_ID, "Baik"), idempotency_key="k2"
    )
    await provider.mark_read(conversation.remote_id)
    home, mentions = FeedSpec(ACCOUNT_ID, FeedKind.HOME), FeedSpec(ACCOUNT_ID, FeedKind.MENTIONS)
    await provider.save_read_markers({home: first.id, mentions: "1"})
    await provider.read_markers([home, mentions])
    at = datetime.now(UTC) + timedelta(minutes=30)
    pending = await provider.schedule(Draft(ACCOUNT_ID, "Nanti malam"), at, idempotency_key="k3")
    await provider.scheduled()
    await provider.reschedule(pending.remote_id, at + timedelta(hours=1))
    await provider.cancel_scheduled(pending.remote_id)
    # Reach: more own statuses than one page holds, and a boost the server leaves out.
    for i in range(OWN_STATUSES):
        server.post_as("lpse_admin", f"Info layanan {i}")
    server.boost("lpse_admin", first.id)
    await provider.follower_count()
    await provider.own_posts(datetime.now(UTC) - timedelta(days=1))
    await provider.aclose()


@pytest.fixture(scope="module")
def checked() -> ContractCheck:
    check = ContractCheck(FakeMastodon())
    asyncio.run(scenario(check))
    return check


def test_no_request_violates_the_spec(checked: ContractCheck) -> None:
    assert checked.violations == []


def test_every_gap_in_the_allow_list_is_exercised(checked: ContractCheck) -> None:
    assert checked.gaps_used == {
        "binary file parts",
        "bracket arrays",
        "form-encoded token request",
        "string redirect_uris",
        "text with media",
    }


def test_the_scenario_touches_every_endpoint(checked: ContractCheck) -> None:
    def hit(method: str, prefix: str, suffix: str = "") -> bool:
        return any(
            m == method and p.startswith(prefix) and p.endswith(suffix) for m, p in checked.seen
        )

    for method, prefix, suffix in [
        ("POST", "/api/v1/apps", ""),
        ("POST", "/oauth/token", ""),
        ("GET", "/api/v1/accounts/verify_credentials", ""),
        ("GET", "/api/v1/accounts/", "/statuses"),
        ("GET", "/api/v1/timelines/home", ""),
        ("GET", "/api/v1/timelines/tag/", ""),
        ("GET", "/api/v1/notifications", ""),
        ("GET", "/api/v2/search", ""),
        ("GET", "/api/v1/conversations", ""),
        ("POST", "/api/v1/conversations/", "/read"),
        ("POST", "/api/v1/statuses", ""),
        ("GET", "/api/v1/statuses/", "/context"),
        ("GET", "/api/v1/scheduled_statuses", ""),
        ("PUT", "/api/v1/scheduled_statuses/", ""),
        ("DELETE", "/api/v1/scheduled_statuses/", ""),
        ("POST", "/api/v2/media", ""),
        ("GET", "/api/v1/media/", ""),
        ("GET", "/api/v1/markers", ""),
        ("POST", "/api/v1/markers", ""),
    ]:
        assert hit(method, prefix, suffix), (method, prefix, suffix)


def test_own_posts_page_without_boosts(checked: ContractCheck) -> None:
    own = [
        request.url.params
        for request in checked.server.requests
        if request.url.path.endswith("/statuses")
        and request.url.path.startswith("/api/v1/accounts/")
        and "exclude_reblogs" in request.url.params
    ]
    assert len(own) >= 2
    assert all(q["exclude_reblogs"] == "true" and q["limit"] == "40" for q in own)
    assert "max_id" not in own[0]
    assert all("max_id" in q for q in own[1:])


def test_secured_calls_send_a_token(checked: ContractCheck) -> None:
    for request in checked.server.requests:
        if request.url.path not in ("/api/v1/apps", "/oauth/token"):
            assert request.headers["authorization"].startswith("Bearer ")
        else:
            assert "authorization" not in request.headers


def test_the_check_catches_a_bad_request() -> None:
    check = ContractCheck(FakeMastodon())

    async def bad() -> None:
        async with check.client() as client:
            await client.post(
                f"{check.server.base}/api/v1/statuses",
                json={"status": "x", "visibility": "everyone"},
                headers={"Authorization": f"Bearer {check.server.token()}"},
            )
            await client.get(f"{check.server.base}/api/v2/search?type=statuses")

    asyncio.run(bad())
    assert len(check.violations) == 2
