"""Counting a post as its network does."""

from __future__ import annotations

import asyncio

import pytest

from app.model import Network
from app.providers import mastodon_parse as mp
from app.text_length import DEFAULT_RULES, TextRules, counted_length
from tests.mastodon_server import FakeMastodon
from tests.unit.test_mastodon_parse import body
from tests.unit.test_mastodon_provider import provider_for

MASTODON = DEFAULT_RULES[Network.MASTODON]
X = DEFAULT_RULES[Network.X]


def test_mastodon_counts_a_url_as_23_and_a_remote_mention_as_its_user() -> None:
    url = "https://lpse.jatengprov.go.id/eproc4/lelang/12345678/pengumumanlelang"
    assert counted_length(f"Lihat {url}.", MASTODON) == len("Lihat ") + 23 + 1
    assert counted_length("@warga1@mastodon.social halo", MASTODON) == len("@warga1 halo")
    assert counted_length("surel admin@lpse.go.id", MASTODON) == len("surel admin@lpse.go.id")


def test_graphemes_count_once_on_mastodon_and_bluesky() -> None:
    for network in (Network.MASTODON, Network.BLUESKY):
        assert counted_length("🇮🇩👍🏽é", DEFAULT_RULES[network]) == 3


def test_x_weighs_its_280() -> None:
    assert X.limit == 280
    assert X.weighted
    assert not MASTODON.weighted
    assert not DEFAULT_RULES[Network.BLUESKY].weighted
    assert counted_length("🇮🇩👍🏽é", X) == 2 + 2 + 1  # an emoji weighs 2, Latin 1


_CJK = "故人西辞黄鹤楼，烟花三月下扬州。"  # 16 characters weighing 2
_KANA = "あいうえおかきくけこ"


# From twitter/twitter-text conformance/validate.yml, WeightedTweetsWithDiscountedEmojiCounter
# Test and UnicodeDirectionalMarkerCounterTest (config v3), rewritten: long texts are built,
# and "light-punctuation" and "long-label-url-counts-as-typed" are shortened.
@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        pytest.param("Hi http://test.co", 26, id="tweet-with-url"),
        pytest.param("http://test.co", 23, id="just-url"),
        pytest.param("285 chars-" + "xxxxxxxxxx-" * 25, 285, id="285-latin"),
        pytest.param(
            "285 chars- http://www.twitter.com/jack " + "xxxxxxxxxx-" * 24, 299, id="url-in-middle"
        ),
        pytest.param("https://www.twitter.com/aloha " * 10, 240, id="10-urls"),
        pytest.param(_CJK * 10, 320, id="160-cjk"),
        pytest.param("the" + _CJK * 10, 323, id="latin-and-cjk"),
        pytest.param("😷" * 160, 320, id="160-emoji"),
        pytest.param("A\u0301B", 2, id="nfc-composes"),
        pytest.param("A\ufb2c", 4, id="nfc-decomposes-hebrew"),
        pytest.param("H🐱☺👨\u200d👩\u200d👧\u200d👦", 7, id="zwj-family"),
        pytest.param("😷👾😡🔥💩", 10, id="bmp-and-astral-emoji"),
        pytest.param("🙋🏽👨\u200d🎤", 4, id="skin-tone-and-zwj"),
        pytest.param("👨\u200d👩\u200d👧\u200d👦" * 140, 280, id="140-families"),
        pytest.param("1\u20e3", 2, id="keycap-without-fe0f"),
        pytest.param("Unicode 9.0 emoji: 🤠; 💃; 💃🏾", 29, id="unicode-9"),
        pytest.param(
            "Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; 🏴\U000e0067\U000e0062\U000e0065\U000e006e"
            "\U000e0067\U000e007f",
            34,
            id="unicode-10-tag-flag",
        ),
        pytest.param(
            "punctuation: \u2000\u2001\u200a\u200b ‐ – — ‖ ‘ ’ “ ” „ ′ ″ ‷",
            41,
            id="light-punctuation",
        ),
        pytest.param("randomurl" * 7 + "s.com", 68, id="label-over-63-is-no-url"),
        pytest.param(
            "https://" + "somesuperlongurl" * 4 + ".com/foo https://validurl.com",
            8 + 64 + 8 + 1 + 23,
            id="long-label-url-counts-as-typed",
        ),
        pytest.param(
            _KANA * 12 + " http://" + _KANA * 5 + "あいう.com", 358, id="idn-label-over-63"
        ),
        pytest.param(_KANA * 12 + " http://" + _KANA * 5 + "あい.com", 264, id="idn-label-63"),
        pytest.param("ABC\u202a\uffffABC\ufffe", 12, id="invalid-characters"),
        pytest.param(
            "\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069", 31, id="directional-marks-idn-tld"
        ),
    ],
)
def test_x_counts_as_twitter_text(text: str, weighted: int) -> None:
    assert counted_length(text, X) == weighted


@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        # URLs with and without a scheme (several after conformance/extract.yml "urls")
        pytest.param("Lapor di lapor.go.id/aduan.", len("Lapor di ") + 23 + 1, id="bare-domain"),
        pytest.param("www.instagram.com/pemprov!", 23 + 1, id="www"),
        pytest.param("foo.co.jp", 23, id="cctld-second-level"),
        pytest.param("HTTPS://www.ExaMPLE.COM/index.html", 23, id="upper-case"),
        pytest.param("(https://id.wikipedia.org/wiki/Semarang_(kota))", 1 + 23 + 1, id="parens"),
        pytest.param("http://example.com/path?q=1&x=.", 23 + 1, id="query-end"),
        pytest.param("http://example.comだよね.comtest/hoge", 23 + 6 + 13, id="glued-japanese"),
        pytest.param("https://t.co/pbY2NfTZ's", 23 + 2, id="tco-ends-after-slug"),
        pytest.param("https://t.co/" + "a" * 41, 13 + 41, id="tco-slug-over-40"),
        pytest.param("https://example.photography", 23, id="unknown-tld-after-scheme"),
        pytest.param("http://☃.net/", 23, id="unicode-host"),
        # not URLs
        pytest.param("surel admin@lapor.go.id", len("surel admin@lapor.go.id"), id="email"),
        pytest.param("file.txt index.html", len("file.txt index.html"), id="no-tld"),
        pytest.param("ftp://example.com", 17, id="ftp"),
        pytest.param("http://localhost:8000", 21, id="no-dot"),
        # an approximation (see app/text_length.py): twitter-text knows every TLD, counts 23
        pytest.param("example.photography", 19, id="rare-gtld-without-scheme"),
        pytest.param("x_example.com /example.com", 26, id="bare-after-underscore-or-slash"),
        # emoji sequences and their text-style cousins
        pytest.param("©", 1, id="copyright-text"),
        pytest.param("©\ufe0f", 2, id="copyright-emoji"),
        pytest.param("☺\ufe0e", 4, id="text-presentation"),
        pytest.param(
            "#\ufe0f\u20e3 🇮🇩 🏳\ufe0f\u200d🌈", 2 + 1 + 2 + 1 + 2, id="keycap-flag-rainbow"
        ),
        pytest.param("🧑🏽\u200d💻", 2, id="technologist"),
    ],
)
def test_x_finds_urls_and_emoji(text: str, weighted: int) -> None:
    assert counted_length(text, X) == weighted


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
