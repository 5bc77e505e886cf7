"""Bluesky provider rules that need no network (the rest runs on the real local network in
tests/e2e/test_bluesky_provider.py)."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime

import httpx
import pytest

from app.model import Account, Draft, Network, Visibility
from app.providers.base import AttachmentTooLarge, Rejected, ServerFault, TooLong
from app.providers.bluesky import BlueskyProvider, new_tid
from app.providers.bluesky_xrpc import Session

ACCOUNT = Account("bluesky:did:plc:lpse", Network.BLUESKY, "lpse.test", "LPSE", "http://pds.test")


def offline_provider(requests: list[httpx.Request]) -> BlueskyProvider:
    def refuse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(500)

    async def token() -> str:
        return Session("did:plc:lpse", "lpse.test", "access", "refresh").to_secret()

    async def keep(_: str) -> None:
        return None

    client = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    return BlueskyProvider(ACCOUNT, client=client, get_token=token, save_token=keep)


@pytest.mark.parametrize(
    ("draft", "error"),
    [
        (Draft(ACCOUNT.id, "Hanya untuk pengikut", visibility=Visibility.PRIVATE), Rejected),
        (Draft(ACCOUNT.id, "Tidak di linimasa", visibility=Visibility.UNLISTED), Rejected),
        (Draft(ACCOUNT.id, "🇮🇩" * 301), TooLong),
    ],
)
def test_what_bluesky_cannot_carry_is_refused_before_anything_is_sent(
    draft: Draft, error: type[Exception]
) -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.publish(draft, idempotency_key="k")
        finally:
            await provider.aclose()

    with pytest.raises(error):
        asyncio.run(main())
    assert requests == []


def test_300_flags_are_300_graphemes_and_fit() -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.publish(Draft(ACCOUNT.id, "🇮🇩" * 300), idempotency_key="k")
        finally:
            await provider.aclose()

    with pytest.raises(ServerFault):  # it got as far as the network (here: a 500)
        asyncio.run(main())
    assert [r.url.path for r in requests] == ["/xrpc/com.atproto.repo.createRecord"]


def test_record_keys_are_tids_that_sort_by_time() -> None:
    early = new_tid(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    late = new_tid(datetime(2026, 11, 23, 8, 0, 1, tzinfo=UTC))
    for tid in (early, late):
        assert re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", tid)
    assert early < late


def test_an_image_over_bluesky_s_1_mb_is_refused_before_uploading() -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.upload_media(
                b"\0" * 1_000_001, filename="foto.jpg", mime_type="image/jpeg", description=""
            )
        finally:
            await provider.aclose()

    with pytest.raises(AttachmentTooLarge) as raised:
        asyncio.run(main())
    assert raised.value.limit == 1_000_000
    assert requests == []
