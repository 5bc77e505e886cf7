"""A stateful fake Mastodon server (GoToSocial-shaped) behind httpx.MockTransport, for tests."""

from __future__ import annotations

import copy
import html
import itertools
import json
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from functools import cache
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode

import httpx

FIXTURES = Path(__file__).parent / "fixtures" / "mastodon"
Json = dict[str, object]
T = TypeVar("T")


@cache
def _recorded(name: str) -> object:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["response"]["body"]


def template(name: str) -> Json:
    """A fresh copy of a recorded response body (a JSON object), to fill in."""
    body = _recorded(name)
    if isinstance(body, list):
        body = body[0]
    assert isinstance(body, dict)
    return copy.deepcopy(body)


def stamp(at: datetime, *, ms: bool = True) -> str:
    """GoToSocial's timestamps: milliseconds for statuses, whole seconds elsewhere."""
    text = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
    return (text if ms else text[:-3] + "000") + "Z"


def hashtag_html(base: str, tag: str) -> str:
    """A hashtag as GoToSocial links it in a status's content."""
    return (
        f'<a href="{base}/tags/{tag.lower()}" class="mention hashtag" '
        'rel="tag nofollow noreferrer noopener" target="_blank">'
        f"#<span>{tag}</span></a>"
    )


@dataclass
class FakeUser:
    id: str
    username: str
    display_name: str
    token: str
    follows: set[str] = field(default_factory=set)
    followers: int | None = None  # set_followers(); None: counted from the users' follows


@dataclass
class FakeStatus:
    id: str
    author: FakeUser
    text: str
    visibility: str
    created_at: datetime
    in_reply_to: FakeStatus | None = None
    spoiler: str = ""
    media: list[Json] = field(default_factory=list)
    mentions: list[FakeUser] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    reblog_of: FakeStatus | None = None  # a boost (boost()) of that status
    # Counted as replies, boosts and favourites come (post_as, boost, favourite); set_counts
    # sets them outright.
    replies: int = 0
    reblogs: int = 0
    favourites: int = 0


@dataclass
class FakeConversation:
    id: str
    others: frozenset[str]  # user ids besides the owner
    last: FakeStatus
    unread: bool


@dataclass
class Fault:
    """What the next matching request gets instead of (or, with `after`, after) its answer."""

    status: int = 0
    exc: type[httpx.TransportError] | None = None
    after: bool = False  # the server did the work; only the answer is lost
    path: str = ""  # only requests whose path starts with this
    headers: dict[str, str] = field(default_factory=dict)
    body: object = None


class Route:
    def __init__(self, method: str, pattern: str, handler: Callable[..., httpx.Response]) -> None:
        self.method = method
        self.pattern = re.compile(pattern + "$")
        self.handler = handler


class FakeMastodon:
    """Serves the endpoints Pantau uses, with state, Link headers and GoToSocial's quirks.

    Knobs: `honour_idempotency` (False: like GoToSocial, a repeated Idempotency-Key posts
    again), `tag_filters` (False: any[]/all[]/none[] ignored, like GoToSocial),
    `home_duplicates` (repeat the first home item at the end, fixture 30),
    `media_processing` (polls answered 206 before an upload is ready), `rate_limit`
    (send X-RateLimit-* headers), `hashtag_streams` (the instance says Mastodon, which
    streams hashtags, rather than GoToSocial), and `fail_next()` for 429/5xx/401/timeouts.
    Reach: statuses carry replies/reblogs/favourites counts (`boost()`, `favourite()`,
    `set_counts()`), accounts their followers (`set_followers()`).
    """

    def __init__(
        self,
        *,
        host: str = "sosmed.example",
        honour_idempotency: bool = True,
        tag_filters: bool = False,
        home_duplicates: bool = False,
        media_processing: int = 0,
        rate_limit: bool = False,
        hashtag_streams: bool = False,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.host = host
        self.base = f"https://{host}"
        self.honour_idempotency = honour_idempotency
        self.tag_filters = tag_filters
        self.home_duplicates = home_duplicates
        self.media_processing = media_processing
        self.rate_limit = rate_limit
        self.hashtag_streams = hashtag_streams
        self.clock = clock
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)
        self.faults: list[Fault] = []
        self._ids = itertools.count(1)
        self.users: dict[str, FakeUser] = {}
        self.statuses: dict[str, FakeStatus] = {}
        self.notifications: dict[str, list[Json]] = {}
        self.conversations: dict[str, list[FakeConversation]] = {}
        self.scheduled: dict[str, Json] = {}
        self.markers: dict[str, dict[str, Json]] = {}  # user id -> timeline -> Marker
        self.media: dict[str, Json] = {}
        self._media_polls: dict[str, int] = {}
        self._keys: dict[tuple[str, str], str] = {}
        self.apps: dict[str, Json] = {}
        self._codes: dict[str, tuple[str, FakeUser]] = {}
        self._remaining = 300
        self._last_created = datetime.min.replace(tzinfo=UTC)
        for username, name in [
            ("lpse_admin", "Admin LPSE Jawa Tengah"),
            ("warga1", "Warga Satu 🏙️"),
            ("warga2", "Warga Dua"),
        ]:
            self.users[username] = FakeUser(self.new_id(), username, name, f"tok-{username}")
        self.users["lpse_admin"].follows = {self.users["warga1"].id}
        self.routes = [
            Route("POST", r"/api/v1/apps", self._create_app),
            Route("POST", r"/oauth/token", self._token),
            Route(
                "GET", r"/api/v1/instance", lambda r, m, u: self._json(template("01-instance-v1"))
            ),
            Route("GET", r"/api/v2/instance", self._instance),
            Route("GET", r"/api/v1/accounts/verify_credentials", self._verify),
            Route("GET", r"/api/v1/accounts/([^/]+)/statuses", self._account_statuses),
            Route("GET", r"/api/v1/timelines/home", self._home),
            Route("GET", r"/api/v1/timelines/tag/([^/]+)", self._tag),
            Route("GET", r"/api/v1/notifications", self._notifications),
            Route("GET", r"/api/v1/conversations", self._conversations),
            Route("POST", r"/api/v1/conversations/([^/]+)/read", self._read),
            Route("POST", r"/api/v1/statuses", self._create_status),
            Route("GET", r"/api/v1/statuses/([^/]+)", self._get_status),
            Route("GET", r"/api/v1/statuses/([^/]+)/context", self._context),
            Route("GET", r"/api/v1/scheduled_statuses", self._scheduled_list),
            Route("GET", r"/api/v1/scheduled_statuses/([^/]+)", self._scheduled_get),
            Route("PUT", r"/api/v1/scheduled_statuses/([^/]+)", self._scheduled_put),
            Route("DELETE", r"/api/v1/scheduled_statuses/([^/]+)", self._scheduled_delete),
            Route("POST", r"/api/v2/media", self._upload),
            Route("GET", r"/api/v1/media/([^/]+)", self._media_get),
            Route("GET", r"/api/v2/search", self._search),
            Route("GET", r"/api/v1/markers", self._markers_get),
            Route("POST", r"/api/v1/markers", self._markers_post),
        ]

    # --- for tests -----------------------------------------------------------------------

    def new_id(self) -> str:
        """ULID-shaped ids that sort in creation order, like GoToSocial's."""
        return f"01N{next(self._ids):023d}"

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport)

    def token(self, username: str = "lpse_admin") -> str:
        return self.users[username].token

    def fail_next(
        self,
        count: int = 1,
        *,
        status: int = 0,
        exc: type[httpx.TransportError] | None = None,
        after: bool = False,
        path: str = "",
        headers: dict[str, str] | None = None,
        body: object = None,
    ) -> None:
        """The next `count` requests (whose path starts with `path`) fail: `status` (429
        comes with rate-limit headers) or `exc` raised (httpx.ReadTimeout...); with
        `after`, the server does the work first and only the answer is lost."""
        fault = Fault(status, exc, after, path, dict(headers or {}), body)
        self.faults += [fault] * count

    def post_as(
        self,
        username: str,
        text: str,
        *,
        visibility: str = "public",
        in_reply_to: str = "",
        spoiler: str = "",
        media_ids: Sequence[str] = (),
    ) -> FakeStatus:
        """Make a status as if `username` had posted it (mentions notify, DMs converse)."""
        author = self.users[username]
        tags = [t.lower() for t in re.findall(r"#(\w+)", text)]
        mentioned = [self.users[n] for n in re.findall(r"@(\w+)", text) if n in self.users]
        # Distinct times, as a real server's are, so time order and id order agree.
        created = max(self.clock(), self._last_created + timedelta(milliseconds=1))
        self._last_created = created
        status = FakeStatus(
            self.new_id(),
            author,
            text,
            visibility,
            created,
            self.statuses.get(in_reply_to),
            spoiler,
            [self.media[m] for m in media_ids if m in self.media],
            mentioned,
            list(dict.fromkeys(tags)),
        )
        self.statuses[status.id] = status
        if status.in_reply_to is not None:
            status.in_reply_to.replies += 1
        for user in mentioned:
            if user is not author:
                note = template("32-notifications-mention-types-brackets")
                note.update(
                    id=self.new_id(),
                    created_at=stamp(status.created_at, ms=False),
                    account=self.account_json(author),
                    status=self.status_json(status),
                )
                self.notifications.setdefault(user.id, []).insert(0, note)
        if visibility == "direct":
            self._converse(status)
        return status

    def boost(self, username: str, status_id: str) -> FakeStatus:
        """`username` reblogs a status: a status of its own wrapping the boosted one."""
        target = self.statuses[status_id]
        created = max(self.clock(), self._last_created + timedelta(milliseconds=1))
        self._last_created = created
        status = FakeStatus(
            self.new_id(), self.users[username], "", "public", created, reblog_of=target
        )
        self.statuses[status.id] = status
        target.reblogs += 1
        return status

    def favourite(self, status_id: str) -> None:
        self.statuses[status_id].favourites += 1

    def set_counts(
        self,
        status_id: str,
        *,
        replies: int | None = None,
        reblogs: int | None = None,
        favourites: int | None = None,
    ) -> None:
        """Counts as a busy server would have them (the others stay as they are)."""
        status = self.statuses[status_id]
        status.replies = status.replies if replies is None else replies
        status.reblogs = status.reblogs if reblogs is None else reblogs
        status.favourites = status.favourites if favourites is None else favourites

    def set_followers(self, username: str, count: int | None) -> None:
        """`followers_count` of the user from now on (None: count the fake's follows)."""
        self.users[username].followers = count

    def authorize(self, client_id: str, username: str = "lpse_admin") -> str:
        """The code the approval page would show once `username` approves the app."""
        code = secrets.token_urlsafe(12)
        self._codes[code] = (client_id, self.users[username])
        return code

    def user_for(self, user_id: str) -> FakeUser:
        return next(u for u in self.users.values() if u.id == user_id)

    # --- JSON in GoToSocial's shapes -----------------------------------------------------

    def account_json(self, user: FakeUser) -> Json:
        data = template("03-verify-credentials-lpse-admin")
        for private in ("source", "role", "roles"):
            data.pop(private, None)
        data.update(
            id=user.id,
            username=user.username,
            acct=user.username,
            display_name=user.display_name,
            locked=False,
            url=f"{self.base}/@{user.username}",
            followers_count=(
                sum(user.id in u.follows for u in self.users.values())
                if user.followers is None
                else user.followers
            ),
            following_count=len(user.follows),
            statuses_count=sum(s.author is user for s in self.statuses.values()),
        )
        for name in ("avatar", "avatar_static", "header", "header_static"):
            data[name] = str(data[name]).replace("http://localhost:8080", self.base)
        return data

    def render(self, status: FakeStatus) -> str:
        """Content HTML as GoToSocial makes it: `<` escaped, tags/mentions/links as links."""
        text = status.text.replace("<", "&lt;")

        def link(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.startswith("#"):
                return hashtag_html(self.base, word[1:])
            if word.startswith("@") and word[1:] in self.users:
                return (
                    f'<span class="h-card"><a href="{self.base}/@{word[1:]}" class="u-url mention" '
                    f'rel="nofollow noreferrer noopener" target="_blank">@<span>{word[1:]}</span>'
                    "</a></span>"
                )
            if word.startswith("http"):
                href = html.escape(word, quote=True)
                rel = 'rel="nofollow noreferrer noopener" target="_blank"'
                return f'<a href="{href}" {rel}>{href}</a>'
            return word

        return "<p>" + re.sub(r"#\w+|@\w+|https?://[^\s<]+", link, text) + "</p>"

    def status_json(self, status: FakeStatus) -> Json:
        if status.reblog_of is not None:
            return self.reblog_json(status, status.reblog_of)
        data = template("09-status-create-public-announcement-admin")
        url = f"{self.base}/@{status.author.username}/statuses/{status.id}"
        reply = status.in_reply_to
        data.update(
            id=status.id,
            created_at=stamp(status.created_at),
            in_reply_to_id=reply.id if reply else None,
            in_reply_to_account_id=reply.author.id if reply else None,
            sensitive=bool(status.spoiler),
            spoiler_text=status.spoiler,
            visibility=status.visibility,
            uri=f"{self.base}/users/{status.author.username}/statuses/{status.id}",
            url=url,
            content=self.render(status),
            account=self.account_json(status.author),
            media_attachments=status.media,
            mentions=[
                {
                    "id": u.id,
                    "username": u.username,
                    "url": f"{self.base}/@{u.username}",
                    "acct": u.username,
                }
                for u in status.mentions
            ],
            tags=[{"name": t, "url": f"{self.base}/tags/{t}"} for t in status.tags],
            text=status.text,
            replies_count=status.replies,
            reblogs_count=status.reblogs,
            favourites_count=status.favourites,
        )
        return data

    def reblog_json(self, boost: FakeStatus, target: FakeStatus) -> Json:
        """A boost as GoToSocial sends it (fixture 11): empty content and zero counts of its
        own, the boosted status under `reblog`, a created_at of whole seconds."""
        data = template("11-reblog-announcement-warga2")
        data.update(
            id=boost.id,
            created_at=stamp(boost.created_at, ms=False),
            visibility=boost.visibility,
            uri=f"{self.base}/users/{boost.author.username}/statuses/{boost.id}",
            url=f"{self.base}/@{boost.author.username}/statuses/{boost.id}",
            account=self.account_json(boost.author),
            reblog=self.status_json(target),
        )
        return data

    def _converse(self, status: FakeStatus) -> None:
        people = {status.author.id, *(u.id for u in status.mentions)}
        for user_id in people:
            others = frozenset(people - {user_id})
            mine = self.conversations.setdefault(user_id, [])
            found = next((c for c in mine if c.others == others), None)
            if found is None:
                found = FakeConversation(self.new_id(), others, status, False)
                mine.append(found)
            found.last = status
            found.unread = user_id != status.author.id

    def conversation_json(self, conv: FakeConversation) -> Json:
        return {
            "id": conv.id,
            "unread": conv.unread,
            "accounts": [self.account_json(self.user_for(i)) for i in sorted(conv.others)],
            "last_status": self.status_json(conv.last),
        }

    # --- the transport -------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        fault = next((f for f in self.faults if request.url.path.startswith(f.path)), None)
        if fault is not None:
            self.faults.remove(fault)
            if not fault.after:
                return self._fault(fault, request)
        response = self._route(request)
        if fault is not None:
            return self._fault(fault, request)
        if self.rate_limit:
            self._remaining -= 1
            response.headers.update(self._limit_headers())
        return response

    def _limit_headers(self) -> dict[str, str]:
        return {
            "x-ratelimit-limit": "300",
            "x-ratelimit-remaining": str(max(self._remaining, 0)),
            "x-ratelimit-reset": stamp(self.clock() + timedelta(minutes=5), ms=False),
        }

    def _fault(self, fault: Fault, request: httpx.Request) -> httpx.Response:
        if fault.exc is not None:
            raise fault.exc("injected failure", request=request)
        headers = dict(fault.headers)
        if fault.status == 429 and not headers:
            self._remaining = 0
            headers = self._limit_headers()
        reasons = {401: "Unauthorized: token not supplied", 429: "Too Many Requests"}
        body = (
            fault.body
            if fault.body is not None
            else {"error": reasons.get(fault.status, "Internal Server Error")}
        )
        return httpx.Response(fault.status, json=body, headers=headers)

    def _route(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        allowed = [r for r in self.routes if r.pattern.match(path)]
        route = next((r for r in allowed if r.method == request.method), None)
        if route is None:
            return self._error(
                405 if allowed else 404, "Method Not Allowed" if allowed else "Not Found"
            )
        match = route.pattern.match(path)
        assert match is not None
        user = self._user(request)
        public = ("/oauth/", "/api/v1/apps", "/api/v1/instance", "/api/v2/instance")
        if user is None and not path.startswith(public):
            return self._error(401, "Unauthorized: token not supplied")
        return route.handler(request, match, user)

    def _user(self, request: httpx.Request) -> FakeUser | None:
        header = request.headers.get("authorization", "")
        token = header.removeprefix("Bearer ") if header.startswith("Bearer ") else ""
        return next((u for u in self.users.values() if u.token == token), None)

    @staticmethod
    def _json(
        body: object, status: int = 200, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers)

    def _error(self, status: int, message: str) -> httpx.Response:
        return self._json({"error": message}, status)

    @staticmethod
    def _body(request: httpx.Request) -> dict[str, object]:
        """JSON, form or multipart fields; repeated form keys such as media_ids[] as lists."""
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("application/json"):
            data = json.loads(request.content or b"{}")
            assert isinstance(data, dict)
            return data
        if ctype.startswith("multipart/form-data"):
            message = BytesParser(policy=policy.HTTP).parsebytes(
                f"Content-Type: {ctype}\r\n\r\n".encode() + request.content
            )
            fields: dict[str, object] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                filename = part.get_filename()
                fields[str(name)] = (
                    (filename, payload, part.get_content_type())
                    if filename
                    else bytes(payload).decode()
                )
            return fields
        form: dict[str, object] = {}
        for key, value in parse_qsl(request.content.decode()):
            if key.endswith("[]"):
                values = form.setdefault(key[:-2], [])
                assert isinstance(values, list)
                values.append(value)
            else:
                form[key] = value
        return form

    def _page(
        self,
        request: httpx.Request,
        items: Sequence[T],
        key: Callable[[T], str],
        render: Callable[[T], object],
        *,
        keep: Iterable[str] = (),
    ) -> httpx.Response:
        """A page of `items` (newest first) by max_id/since_id/min_id, with GoToSocial's
        Link header: next and prev whenever the page has items, none when it is empty."""
        query = request.url.params
        limit = max(1, min(int(query.get("limit", "20")), 40))
        chosen = list(items)
        if "max_id" in query:
            chosen = [i for i in chosen if key(i) < query["max_id"]]
        if "since_id" in query:
            chosen = [i for i in chosen if key(i) > query["since_id"]]
        if "min_id" in query:
            chosen = [i for i in chosen if key(i) > query["min_id"]][-limit:]
        chosen = chosen[:limit]
        if not chosen:
            return self._json([])
        kept = [(k, v) for k, v in query.multi_items() if k in keep]

        def link(name: str, value: str) -> str:
            pairs = sorted([("limit", str(limit)), (name, value), *kept])
            return f"{self.base}{request.url.path}?{urlencode(pairs)}"

        header = (
            f'<{link("max_id", key(chosen[-1]))}>; rel="next", '
            f'<{link("min_id", key(chosen[0]))}>; rel="prev"'
        )
        return self._json([render(i) for i in chosen], headers={"link": header})

    def _newest(self, keep: Callable[[FakeStatus], bool]) -> list[FakeStatus]:
        return sorted(
            (s for s in self.statuses.values() if keep(s)), key=lambda s: s.id, reverse=True
        )

    def _status_page(
        self, request: httpx.Request, statuses: Sequence[FakeStatus], **kw: Iterable[str]
    ) -> httpx.Response:
        return self._page(request, statuses, lambda s: s.id, self.status_json, **kw)

    # --- handlers ------------------------------------------------------------------------

    def _create_app(
        self, request: httpx.Request, _m: re.Match[str], _u: FakeUser | None
    ) -> httpx.Response:
        body = self._body(request)
        if not body.get("client_name") or not body.get("redirect_uris"):
            return self._error(
                422, "Unprocessable Entity: client_name and redirect_uris are required"
            )
        app: Json = {
            "id": self.new_id(),
            "name": body["client_name"],
            "website": body.get("website"),
            "redirect_uri": body["redirect_uris"],
            "redirect_uris": [body["redirect_uris"]],
            "client_id": secrets.token_hex(16),
            "client_secret": secrets.token_hex(16),
            "vapid_key": "",
        }
        self.apps[str(app["client_id"])] = app
        return self._json(app)

    def _token(
        self, request: httpx.Request, _m: re.Match[str], _u: FakeUser | None
    ) -> httpx.Response:
        body = self._body(request)
        app = self.apps.get(str(body.get("client_id")))
        if app is None or body.get("client_secret") != app["client_secret"]:
            return self._json(
                {"error": "invalid_client", "error_description": "client not found"}, 401
            )
        granted = self._codes.pop(str(body.get("code")), None)
        if (
            body.get("grant_type") != "authorization_code"
            or granted is None
            or granted[0] != app["client_id"]
        ):
            return self._json({"error": "invalid_grant", "error_description": "bad code"}, 400)
        created = int(self.clock().timestamp())
        return self._json(
            {
                "access_token": granted[1].token,
                "token_type": "Bearer",
                "scope": "read write",
                "created_at": created,
            }
        )

    def _instance(
        self, _r: httpx.Request, _m: re.Match[str], _u: FakeUser | None
    ) -> httpx.Response:
        data = template("02-instance-v2")
        if self.hashtag_streams:
            data["source_url"] = "https://github.com/mastodon/mastodon"
        return self._json(data)

    def _verify(self, _r: httpx.Request, _m: re.Match[str], user: FakeUser) -> httpx.Response:
        data = template("06-update-credentials-lpse-admin")
        data.update(self.account_json(user))
        return self._json(data)

    def _account_statuses(
        self, request: httpx.Request, match: re.Match[str], _u: FakeUser
    ) -> httpx.Response:
        owner = match.group(1)
        if owner not in {u.id for u in self.users.values()}:
            return self._error(404, "Not Found: account not found")
        boosts = request.url.params.get("exclude_reblogs") not in ("true", "1")
        mine = self._newest(lambda s: s.author.id == owner and (boosts or s.reblog_of is None))
        return self._status_page(request, mine, keep=("exclude_reblogs",))

    def _home(self, request: httpx.Request, _m: re.Match[str], user: FakeUser) -> httpx.Response:
        authors = {user.id, *user.follows}
        response = self._status_page(
            request, self._newest(lambda s: s.author.id in authors and s.visibility != "direct")
        )
        items = response.json()
        if self.home_duplicates and items:
            # GoToSocial 0.20's bug (fixtures 30 and 73): the first status comes again at the end.
            return self._json([*items, items[0]], headers=dict(response.headers))
        return response

    def _tag(self, request: httpx.Request, match: re.Match[str], _u: FakeUser) -> httpx.Response:
        query = request.url.params
        tag = match.group(1).lower()
        any_of = {tag, *(t.lower() for t in query.get_list("any[]"))} if self.tag_filters else {tag}
        all_of = {t.lower() for t in query.get_list("all[]")} if self.tag_filters else set()
        none_of = {t.lower() for t in query.get_list("none[]")} if self.tag_filters else set()

        def wanted(s: FakeStatus) -> bool:
            tags = set(s.tags)
            return (
                s.visibility == "public"
                and bool(tags & any_of)
                and all_of <= tags
                and not tags & none_of
            )

        return self._status_page(request, self._newest(wanted))

    def _notifications(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        query = request.url.params
        # Only the bracket form filters; a plain `types` is ignored, as GoToSocial does.
        types = set(query.get_list("types[]"))
        excluded = set(query.get_list("exclude_types[]"))
        items = [
            n
            for n in self.notifications.get(user.id, [])
            if (not types or n["type"] in types) and n["type"] not in excluded
        ]
        return self._page(
            request, items, lambda n: str(n["id"]), lambda n: n, keep=("types[]", "exclude_types[]")
        )

    def _conversations(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        mine = sorted(self.conversations.get(user.id, []), key=lambda c: c.last.id, reverse=True)
        # GoToSocial pages conversations by their last status id (fixture 37's Link header).
        return self._page(request, mine, lambda c: c.last.id, self.conversation_json)

    def _read(self, _r: httpx.Request, match: re.Match[str], user: FakeUser) -> httpx.Response:
        conv = next(
            (c for c in self.conversations.get(user.id, []) if c.id == match.group(1)), None
        )
        if conv is None:
            return self._error(404, "Not Found")
        conv.unread = False
        return self._json(self.conversation_json(conv))

    def _markers_get(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        # GoToSocial answers {} for timelines without a marker (fixture 65).
        mine = self.markers.get(user.id, {})
        wanted = request.url.params.get_list("timeline[]")
        return self._json({name: mine[name] for name in wanted if name in mine})

    def _markers_post(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        mine = self.markers.setdefault(user.id, {})
        for name, value in self._body(request).items():
            if name not in ("home", "notifications") or not isinstance(value, dict):
                return self._error(422, f"unknown timeline {name}")
            old = mine.get(name)
            mine[name] = {
                "last_read_id": str(value["last_read_id"]),
                "version": 0 if old is None else int(str(old["version"])) + 1,
                "updated_at": stamp(self.clock()),
            }
        return self._json(mine)

    def _create_status(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        body = self._body(request)
        key = request.headers.get("idempotency-key", "")
        if key and self.honour_idempotency and (user.id, key) in self._keys:
            return self._json(self.status_json(self.statuses[self._keys[(user.id, key)]]))
        text = str(body.get("status") or "")
        media_ids = [str(m) for m in body.get("media_ids") or []]  # type: ignore[attr-defined]
        if not text.strip() and not media_ids and not body.get("poll"):
            return self._error(400, "Bad Request: status contains no text, media or poll")
        reply_to = str(body.get("in_reply_to_id") or "")
        if reply_to and reply_to not in self.statuses:
            return self._error(404, "Not Found: target status not found")
        # GoToSocial's default visibility is unlisted (fixture 15).
        visibility = str(body.get("visibility") or "unlisted")
        if visibility not in ("public", "unlisted", "private", "direct"):
            return self._error(422, f"Unprocessable Entity: bad visibility {visibility}")
        if body.get("scheduled_at"):
            return self._schedule(user, body, text, visibility)
        status = self.post_as(
            user.username,
            text,
            visibility=visibility,
            in_reply_to=reply_to,
            spoiler=str(body.get("spoiler_text") or ""),
            media_ids=media_ids,
        )
        if key:
            self._keys[(user.id, key)] = status.id
        return self._json(self.status_json(status))

    def _too_soon(self, value: object) -> httpx.Response | datetime:
        try:
            at = datetime.fromisoformat(str(value))
        except ValueError:
            return self._error(400, "Bad Request: scheduled_at is not a valid time")
        if at < self.clock() + timedelta(minutes=5):
            return self._error(
                422, "Unprocessable Entity: scheduled_at must be at least 5 minutes in the future"
            )
        return at

    def _schedule(
        self, user: FakeUser, body: dict[str, object], text: str, visibility: str
    ) -> httpx.Response:
        at = self._too_soon(body["scheduled_at"])
        if isinstance(at, httpx.Response):
            return at
        data = template("50-scheduled-create")
        params = data["params"]
        assert isinstance(params, dict)
        params.update(text=text, visibility=visibility, in_reply_to_id=body.get("in_reply_to_id"))
        data.update(id=self.new_id(), scheduled_at=stamp(at.replace(microsecond=0)), owner=user.id)
        self.scheduled[str(data["id"])] = data
        return self._json(self._public(data))

    @staticmethod
    def _public(scheduled: Json) -> Json:
        return {k: v for k, v in scheduled.items() if k != "owner"}

    def _mine(self, user: FakeUser, scheduled_id: str) -> Json | None:
        found = self.scheduled.get(scheduled_id)
        return found if found is not None and found["owner"] == user.id else None

    def _scheduled_list(
        self, request: httpx.Request, _m: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        mine = sorted(
            (s for s in self.scheduled.values() if s["owner"] == user.id),
            key=lambda s: str(s["id"]),
            reverse=True,
        )
        return self._page(request, mine, lambda s: str(s["id"]), self._public)

    def _scheduled_get(
        self, _r: httpx.Request, match: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        found = self._mine(user, match.group(1))
        return self._error(404, "Not Found") if found is None else self._json(self._public(found))

    def _scheduled_put(
        self, request: httpx.Request, match: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        found = self._mine(user, match.group(1))
        if found is None:
            return self._error(404, "Not Found")
        at = self._too_soon(self._body(request).get("scheduled_at"))
        if isinstance(at, httpx.Response):
            return at
        found["scheduled_at"] = stamp(at.replace(microsecond=0))
        return self._json(self._public(found))

    def _scheduled_delete(
        self, _r: httpx.Request, match: re.Match[str], user: FakeUser
    ) -> httpx.Response:
        if self._mine(user, match.group(1)) is None:
            return self._error(404, "Not Found")
        del self.scheduled[match.group(1)]
        return self._json({})

    def _upload(self, request: httpx.Request, _m: re.Match[str], user: FakeUser) -> httpx.Response:
        body = self._body(request)
        upload = body.get("file")
        if not isinstance(upload, tuple):
            return self._error(422, "Unprocessable Entity: no file")
        data = template("61-media-upload-v2")
        media_id = self.new_id()
        ext = str(upload[0]).rsplit(".", 1)[-1]
        url = f"{self.base}/fileserver/{user.id}/attachment/original/{media_id}.{ext}"
        data.update(
            id=media_id,
            url=url,
            text_url=url,
            description=body.get("description"),
            preview_url=f"{self.base}/fileserver/{user.id}/attachment/small/{media_id}.jpeg",
        )
        self.media[media_id] = data
        if self.media_processing:
            self._media_polls[media_id] = self.media_processing
            return self._json({**data, "url": None}, 202)
        return self._json(data)

    def _media_get(self, _r: httpx.Request, match: re.Match[str], _u: FakeUser) -> httpx.Response:
        media_id = match.group(1)
        if media_id not in self.media:
            return self._error(404, "Not Found")
        if self._media_polls.get(media_id, 0) > 0:
            self._media_polls[media_id] -= 1
            return self._json({**self.media[media_id], "url": None}, 206)
        return self._json(self.media[media_id])

    def _get_status(self, _r: httpx.Request, match: re.Match[str], _u: FakeUser) -> httpx.Response:
        status = self.statuses.get(match.group(1))
        if status is None:
            return self._error(404, "Not Found: target status not found")
        return self._json(self.status_json(status))

    def _context(self, _r: httpx.Request, match: re.Match[str], _u: FakeUser) -> httpx.Response:
        status = self.statuses.get(match.group(1))
        if status is None:
            return self._error(404, "Not Found: target status not found")
        ancestors: list[FakeStatus] = []
        parent = status.in_reply_to
        while parent is not None:
            ancestors.insert(0, parent)
            parent = parent.in_reply_to

        def below(s: FakeStatus) -> bool:
            up = s.in_reply_to
            while up is not None and up is not status:
                up = up.in_reply_to
            return up is status

        descendants = sorted((s for s in self.statuses.values() if below(s)), key=lambda s: s.id)
        return self._json(
            {
                "ancestors": [self.status_json(s) for s in ancestors],
                "descendants": [self.status_json(s) for s in descendants],
            }
        )

    def _search(self, request: httpx.Request, _m: re.Match[str], _u: FakeUser) -> httpx.Response:
        query = request.url.params
        if "q" not in query:
            return self._error(400, "Bad Request: query is required")
        needle = query["q"].casefold()
        found = self._newest(lambda s: s.visibility == "public" and needle in s.text.casefold())
        if query.get("type") not in (None, "statuses"):
            found = []
        page = self._status_page(request, found)
        return self._json({"accounts": [], "statuses": page.json(), "hashtags": []})
