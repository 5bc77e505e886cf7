"""Bluesky rich text: facets at the right UTF-8 byte ranges, graphemes counted like the
server, and every facet valid under the SDK's lexicon model."""

from __future__ import annotations

import pytest
from atproto_client import models

from app.providers import bluesky_parse as bp
from app.providers import bluesky_text as bt
from app.providers.bluesky_text import FacetKind


def pieces(text: str) -> list[tuple[FacetKind, str, str]]:
    """Each span as (kind, the bytes it covers decoded, value)."""
    raw = text.encode()
    return [(s.kind, raw[s.start : s.end].decode(), s.value) for s in bt.detect(text)]


def test_mentions_links_and_tags_with_multibyte_text_before_them() -> None:
    text = "Mohon cek 🙏🏽 @dinas-pu.jatengprov.go.id jalan di Jl. Pemuda #KemalaJateng"
    assert pieces(text) == [
        (FacetKind.MENTION, "@dinas-pu.jatengprov.go.id", "dinas-pu.jatengprov.go.id"),
        (FacetKind.TAG, "#KemalaJateng", "KemalaJateng"),
    ]
    # The emoji with its skin tone is 8 bytes: offsets are bytes, not characters.
    mention = bt.detect(text)[0]
    assert mention.start == len("Mohon cek 🙏🏽 ".encode())
    assert mention.start != len("Mohon cek 🙏🏽 ")


def test_links_lose_trailing_punctuation_and_bare_domains_need_a_known_tld() -> None:
    text = "Lihat https://lpse.jatengprov.go.id/eproc4/lelang. Atau (lpse.go.id) atau berkas.pdf"
    assert pieces(text) == [
        (FacetKind.LINK, "https://lpse.jatengprov.go.id/eproc4/lelang",
         "https://lpse.jatengprov.go.id/eproc4/lelang"),
        (FacetKind.LINK, "lpse.go.id", "https://lpse.go.id"),
    ]  # fmt: skip


def test_a_fragment_in_a_link_is_no_hashtag_and_numbers_are_no_tags() -> None:
    text = "https://example.com/a#bagian #2024 #Lapor2024! #"
    assert pieces(text) == [
        (FacetKind.LINK, "https://example.com/a#bagian", "https://example.com/a#bagian"),
        (FacetKind.TAG, "#Lapor2024", "Lapor2024"),
    ]


def test_an_email_address_is_not_a_mention_nor_a_handle_without_a_dot() -> None:
    assert pieces("kirim ke admin@lpse.go.id atau @admin saja") == []


def test_grapheme_count_counts_what_people_see() -> None:
    assert bt.grapheme_count("🇮🇩👍🏽é") == 3  # a flag, a toned emoji, e + combining accent
    assert bt.grapheme_count("Jalan") == 5


@pytest.mark.parametrize(
    "text",
    [
        "Halo @warga1.test #KemalaJateng https://lpse.go.id",
        "Ümlaut 😀 #Banjir lpse.jatengprov.go.id",
    ],
)
def test_facets_are_valid_lexicon_records_and_render_back_as_links(text: str) -> None:
    facets = [bt.facet(s, did="did:plc:abc123") for s in bt.detect(text)]
    for facet in facets:
        models.AppBskyRichtextFacet.Main.model_validate(facet)
    html = bp.rich_text_html(text, facets)
    assert html.count("<a ") == len(facets)
    assert "https://bsky.app/profile/did:plc:abc123" in html or "@" not in text


def test_rendering_ignores_facets_out_of_range_or_overlapping() -> None:
    text = "abc #x"
    good = {
        "index": {"byteStart": 4, "byteEnd": 6},
        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}],
    }
    beyond = {
        "index": {"byteStart": 4, "byteEnd": 60},
        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "y"}],
    }
    overlapping = {
        "index": {"byteStart": 5, "byteEnd": 6},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.b"}],
    }
    script = {
        "index": {"byteStart": 0, "byteEnd": 3},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "javascript:x"}],
    }
    html = bp.rich_text_html(text, [good, beyond, overlapping, script])
    assert html.count("<a ") == 1
    assert "hashtag/x" in html
    assert "javascript" not in html  # fmt: skip
