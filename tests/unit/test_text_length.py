"""Counting a post as its network does."""

from __future__ import annotations

import asyncio

from app.model import Network
from app.providers import mastodon_parse as mp
from app.text_length import DEFAULT_RULES, TextRules, counted_length
from tests.mastodon_server import FakeMastodon
from tests.unit.test_mastodon_parse import body
from tests.unit.test_mastodon_provider import provider_for

MASTODON = DEFAULT_RULES[Network.MASTODON]


def test_mastodon_counts_a_url_as_23_and_a_remote_mention_as_its_user() -> None:
    url = "https://lpse.jatengprov.go.id/eproc4/lelang/12345678/pengumumanlelang"
    assert counted_length(f"Lihat {url}.", MASTODON) == len("Lihat ") + 23 + 1
    assert counted_length("@warga1@mastodon.social halo", MASTODON) == len("@warga1 halo")
    assert counted_length("surel admin@lpse.go.id", MASTODON) == len("surel admin@lpse.go.id")


def test_graphemes_count_once_everywhere() -> None:
    for rules in DEFAULT_RULES.values():
        assert counted_length("🇮🇩👍🏽é", rules) == 3


def test_bluesky_counts_links_as_typed() -> None:
    url = "https://lpse.jatengprov.go.id/eproc4"
    assert counted_length(url, DEFAULT_RULES[Network.BLUESKY]) == len(url)


def test_the_server_says_its_own_limit_gotosocial_5000_and_25_per_url() -> None:
    assert mp.text_rules(body(2)) == TextRules(5000, 25, short_remote_mentions=True)
    assert mp.text_rules({"uri": "old.example"}) == MASTODON  # no configuration: defaults
    broken = {"configuration": {"statuses": {"max_characters": "many"}}}
    assert mp.text_rules(broken).limit == 500


def test_the_provider_asks_the_instance_once() -> None:
    server = FakeMastodon()
    provider = provider_for(server)

    async def main() -> list[TextRules]:
        try:
            return [await provider.text_rules(), await provider.text_rules()]
        finally:
            await provider.aclose()

    first, second = asyncio.run(main())
    assert first == second
    assert first.limit == 5000
    asked = [r for r in server.requests if r.url.path == "/api/v2/instance"]
    assert len(asked) == 1
