"""Bluesky posting: post records with facets, reply refs, images and link cards, sent so
that a retried send makes the post exactly once."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from datetime import datetime

from app.model import Draft, Network, Person, Post, Visibility
from app.providers import bluesky_parse as bp
from app.providers import bluesky_text as bt
from app.providers import link_card
from app.providers.base import (
    AttachmentTooLarge,
    NotFound,
    ProviderError,
    Rejected,
    TooLong,
)
from app.providers.bluesky_core import CLOCK_SKEW, BlueskyCore, iso
from app.providers.fields import Fields

MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000  # app.bsky.embed.images#image: maxSize
OWN_RECENT = 25  # own records searched for a post an earlier attempt may have made
REMEMBERED_KEYS = 256
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def new_tid(at: datetime) -> str:
    """A record key in TID form: microseconds since 1970 and a random clock id, in
    base32-sortable: https://atproto.com/specs/tid"""
    micros = int(at.timestamp() * 1_000_000)
    value = (micros << 10) | secrets.randbelow(1024)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


class BlueskyPublishing(BlueskyCore):
    """Posting and media uploads for BlueskyProvider."""

    # --- posting -------------------------------------------------------------------------

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        """Create an app.bsky.feed.post record. The record key is chosen here and kept per
        idempotency key, so a retry first looks for the record at that key; after a restart
        (no key remembered) it looks through the account's newest posts instead."""
        if draft.visibility is Visibility.DIRECT:
            raise Rejected(self.account.id, "a direct message goes through a conversation")
        if draft.visibility is not Visibility.PUBLIC:
            # Never post publicly what the admin meant for fewer people.
            raise Rejected(self.account.id, "Bluesky posts are always public")
        text = self._text(draft)
        rkey = self._rkeys.get(idempotency_key)
        if rkey is not None:
            existing = await self._own_post(rkey)
            if existing is not None:
                return existing
        elif retry_since is not None:
            existing = await self._find_published(draft, text, since=retry_since)
            if existing is not None:
                return existing
        if rkey is None:
            rkey = new_tid(self._clock())
            self._rkeys[idempotency_key] = rkey
            while len(self._rkeys) > REMEMBERED_KEYS:
                self._rkeys.popitem(last=False)
        record = await self._record(draft, text)
        try:
            body = await self._post(
                "com.atproto.repo.createRecord",
                {
                    "repo": await self._did(),
                    "collection": bp.POST_COLLECTION,
                    "rkey": rkey,
                    "record": record,
                },
            )
        except Rejected:
            # The first attempt may have landed after all; then the key is taken.
            existing = await self._own_post(rkey)
            if existing is None:
                raise
            return existing
        uri = Fields(body, entity="CreateRecord", account_id=self.account.id).text("uri")
        return await self._fresh_post(uri, record)

    def _text(self, draft: Draft) -> str:
        # Bluesky has no content warning for text: the warning goes first, on its own line.
        text = f"{draft.spoiler.strip()}\n\n{draft.text}" if draft.spoiler.strip() else draft.text
        count = bt.grapheme_count(text)
        if count > bt.MAX_GRAPHEMES:
            raise TooLong(self.account.id, limit=bt.MAX_GRAPHEMES, length=count)
        return text

    async def _record(self, draft: Draft, text: str) -> dict[str, object]:
        record: dict[str, object] = {
            "$type": bp.POST_COLLECTION,
            "text": text,
            "createdAt": iso(self._clock()),
        }
        if draft.language:
            record["langs"] = [draft.language]
        facets = await self._facets(text)
        if facets:
            record["facets"] = facets
        if draft.in_reply_to:
            record["reply"] = await self._reply_refs(draft.in_reply_to)
        images = [self._image(m) for m in draft.media_ids[:MAX_IMAGES]]
        if images:
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        else:
            links = [s.value for s in bt.detect(text) if s.kind is bt.FacetKind.LINK]
            card = await self._link_card(links[0]) if links else None
            if card is not None:
                record["embed"] = card
        return record

    async def _link_card(self, url: str) -> dict[str, object] | None:
        """An external embed, as Bluesky's apps make: Bluesky shows a card for a link only
        when the post carries one. No card when the page cannot be read."""
        card = await link_card.fetch_card(self._client, url)
        if card is None:
            return None
        external: dict[str, object] = {
            "uri": card.url,
            "title": card.title,
            "description": card.description,
        }
        image = (
            await link_card.fetch_image(self._client, card.image_url) if card.image_url else None
        )
        if image is not None:
            external["thumb"] = await self._upload_blob(*image)
        return {"$type": "app.bsky.embed.external", "external": external}

    def _image(self, media_id: str) -> object:
        try:
            return json.loads(media_id)
        except ValueError:
            raise Rejected(self.account.id, "an attachment was not uploaded to Bluesky") from None

    async def _reply_refs(self, parent_uri: str) -> dict[str, object]:
        """root + parent strong refs: the root is the parent's own root, if it has one.
        Read from the parent's repository (getRecord), which has it even before the
        AppView has indexed it; the PDS asks the network for repositories it does not host."""
        repo = bp.author_did(parent_uri)
        try:
            body = await self._get(
                "com.atproto.repo.getRecord",
                [("repo", repo), ("collection", bp.POST_COLLECTION), ("rkey", bp.rkey(parent_uri))],
            )
        except Rejected as exc:
            if "RecordNotFound" in exc.detail or "Could not locate" in exc.detail:
                raise NotFound(self.account.id, "the post being answered is gone") from None
            raise
        parent = Fields(body, entity="Record", account_id=self.account.id)
        parent_ref = {"uri": parent.text("uri"), "cid": parent.text("cid")}
        reply = parent.obj("value", "Post record").optional_obj("reply", "Post record.reply")
        if reply is None:
            return {"root": parent_ref, "parent": parent_ref}
        root = reply.obj("root", "StrongRef")
        return {"root": {"uri": root.text("uri"), "cid": root.text("cid")}, "parent": parent_ref}

    async def _own_post(self, rkey: str) -> Post | None:
        """The account's post at `rkey`, if the repository has it."""
        try:
            body = await self._get(
                "com.atproto.repo.getRecord",
                [("repo", await self._did()), ("collection", bp.POST_COLLECTION), ("rkey", rkey)],
            )
        except NotFound:
            return None
        except Rejected as exc:
            if "RecordNotFound" in exc.detail or "Could not locate" in exc.detail:
                return None
            raise
        f = Fields(body, entity="Record", account_id=self.account.id)
        record = f.obj("value", "Post record").data
        return await self._fresh_post(f.text("uri"), record)

    async def _find_published(self, draft: Draft, text: str, *, since: datetime) -> Post | None:
        """After a restart: one of the account's newest records with this text and reply
        target, made since the first attempt."""
        body = await self._get(
            "com.atproto.repo.listRecords",
            [
                ("repo", await self._did()),
                ("collection", bp.POST_COLLECTION),
                ("limit", str(OWN_RECENT)),
            ],
        )
        for item in Fields(body, entity="ListRecords", account_id=self.account.id).items("records"):
            f = Fields(item, entity="Record", account_id=self.account.id)
            value = f.obj("value", "Post record")
            record = bp.parse_record(value.data, account_id=self.account.id)
            if record.text != text or record.reply_parent != draft.in_reply_to:
                continue
            if record.created_at is not None and record.created_at >= since - CLOCK_SKEW:
                return await self._fresh_post(f.text("uri"), value.data)
        return None

    async def _fresh_post(self, uri: str, record: Mapping[str, object]) -> Post:
        """The post as the AppView shows it; until it has indexed it (usually well under a
        second), built from the record we wrote."""
        try:
            views = await self._posts([uri])
        except ProviderError:
            views = {}
        if uri in views:
            return views[uri]
        me = await self._did()
        parsed = bp.parse_record(record, account_id=self.account.id)
        author = Person(
            Network.BLUESKY,
            me,
            self.account.handle,
            self.account.display_name,
            self.account.avatar_url,
            f"{bp.WEB}/profile/{self.account.handle}",
        )
        when = parsed.created_at or self._clock()
        return Post(
            network=Network.BLUESKY,
            remote_id=uri,
            account_id=self.account.id,
            author=author,
            created_at=when,
            html=bp.rich_text_html(parsed.text, parsed.facets, account_id=self.account.id),
            text=parsed.text,
            url=bp.post_url(self.account.handle, uri),
            reply_to_id=parsed.reply_parent,
            thread_root_id=parsed.reply_root,
        )

    # --- media ---------------------------------------------------------------------------

    async def upload_media(
        self, data: bytes, *, filename: str, mime_type: str, description: str
    ) -> str:
        """com.atproto.repo.uploadBlob; the id a Draft keeps is the image embed entry
        (blob and alt text) the post record will carry."""
        if len(data) > MAX_IMAGE_BYTES:
            raise AttachmentTooLarge(self.account.id, limit=MAX_IMAGE_BYTES, size=len(data))
        blob = await self._upload_blob(data, mime_type)
        return json.dumps({"image": blob, "alt": description})

    async def _upload_blob(self, data: bytes, mime_type: str) -> dict[str, object]:
        reply = await self._xrpc.request(
            "POST", "com.atproto.repo.uploadBlob", content=data, headers={"Content-Type": mime_type}
        )
        upload = Fields(reply.body, entity="UploadBlob", account_id=self.account.id)
        return dict(upload.obj("blob", "Blob").data)
