"""What every part of the Bluesky provider shares: the account, its XRPC connection to the
PDS (app.bsky.* and, through the atproto-proxy header, chat.bsky.*), rich-text facets, which
posts and direct messages both carry, and full post views.

BlueskyProvider (bluesky.py) is this plus BlueskyPublishing (bluesky_publish.py) and
BlueskyChat (bluesky_chat.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime, timedelta

import httpx

from app.model import Account, Conversation, Post
from app.providers import bluesky_parse as bp
from app.providers import bluesky_text as bt
from app.providers.base import (
    DirectMessagesNotAllowed,
    NotFound,
    RateLimit,
    Rejected,
    TokenGetter,
    TokenSaver,
)
from app.providers.bluesky_xrpc import CHAT_PROXY, Xrpc
from app.providers.fields import Fields
from app.providers.http import Clock, Params, utc_now

MAX_PAGE = 100  # getTimeline, listNotifications and searchPosts take at most 100
MAX_POSTS_PER_CALL = 25  # app.bsky.feed.getPosts
CLOCK_SKEW = timedelta(minutes=2)
CURSOR = "c:"  # before a server's own opaque cursor in Pantau's Cursor


def iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class BlueskyCore:
    """The account's connection to its PDS, and the state the provider's parts keep."""

    def __init__(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        save_token: TokenSaver,
        clock: Clock = utc_now,
    ) -> None:
        self.account = account
        self._client = client
        self._clock = clock
        self._xrpc = Xrpc(
            client,
            base=account.server,
            account_id=account.id,
            clock=clock,
            get_token=get_token,
            save_token=save_token,
        )
        self._me = account.remote_id
        # Idempotency key -> the record key its first attempt used; see publish().
        self._rkeys: OrderedDict[str, str] = OrderedDict()
        self._convos: dict[str, Conversation] = {}

    def __repr__(self) -> str:
        return f"<BlueskyProvider {self.account.id}>"

    def rate_limit(self) -> RateLimit | None:
        return self._xrpc.rate

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _get(self, nsid: str, params: Params = (), *, chat: bool = False) -> object:
        headers = {"atproto-proxy": CHAT_PROXY} if chat else None
        if chat:
            await self._check_chat()
        return (await self._xrpc.request("GET", nsid, params=params, headers=headers)).body

    async def _post(self, nsid: str, body: object, *, chat: bool = False) -> object:
        headers = {"atproto-proxy": CHAT_PROXY} if chat else None
        if chat:
            await self._check_chat()
        return (await self._xrpc.request("POST", nsid, json_body=body, headers=headers)).body

    async def _check_chat(self) -> None:
        if not (await self._xrpc.session()).privileged():
            raise DirectMessagesNotAllowed(self.account.id, "app password without chat access")

    async def _did(self) -> str:
        if not self._me:
            self._me = (await self._xrpc.session()).did
        return self._me

    # --- rich text -----------------------------------------------------------------------

    async def _facets(self, text: str) -> list[dict[str, object]]:
        """Links and tags as typed; a mention only when its handle resolves to a DID (an
        unknown handle stays plain text, as in Bluesky's own apps)."""
        facets: list[dict[str, object]] = []
        for span in bt.detect(text):
            if span.kind is not bt.FacetKind.MENTION:
                facets.append(bt.facet(span))
                continue
            did = await self._resolve(span.value)
            if did:
                facets.append(bt.facet(span, did=did))
        return facets

    async def _resolve(self, handle: str) -> str:
        try:
            body = await self._get("com.atproto.identity.resolveHandle", [("handle", handle)])
        except (NotFound, Rejected):
            return ""
        did = Fields(body, entity="ResolveHandle", account_id=self.account.id).text("did")
        return did if did.startswith("did:") else ""

    # --- post views ----------------------------------------------------------------------

    async def _posts(self, uris: Sequence[str]) -> dict[str, Post]:
        """Full views (attachments, link cards) of posts, 25 a request."""
        unique = list(dict.fromkeys(uris))
        found: dict[str, Post] = {}
        for start in range(0, len(unique), MAX_POSTS_PER_CALL):
            chunk = unique[start : start + MAX_POSTS_PER_CALL]
            body = await self._get("app.bsky.feed.getPosts", [("uris", u) for u in chunk])
            for post in bp.parse_posts(body, account_id=self.account.id):
                found[post.remote_id] = post
        return found
