"""Link cards read from a page's <head>: OpenGraph first, the <title> as a fallback."""

from __future__ import annotations

from app.providers.link_card import LinkCard, parse_card

URL = "https://lpse.jatengprov.go.id/eproc4/lelang"


def test_opengraph_tags_make_the_card_with_the_image_made_absolute() -> None:
    html = (
        "<head><title>LPSE</title><meta property='og:title' content='Lelang &amp; Tender'>"
        "<meta name='description' content='Daftar paket'><meta property='og:image' "
        "content='/img/logo.png'></head>"
    )
    assert parse_card(URL, html) == LinkCard(
        URL, "Lelang & Tender", "Daftar paket", "https://lpse.jatengprov.go.id/img/logo.png"
    )


def test_the_title_stands_in_and_a_non_http_image_is_dropped() -> None:
    html = "<title>\n  SPSE  4.5 </title><meta property=og:image content='javascript:alert(1)'>"
    assert parse_card(URL, html) == LinkCard(URL, "SPSE 4.5")


def test_a_page_without_any_title_gives_no_card() -> None:
    assert parse_card(URL, "<html><body>hanya teks</body></html>") is None
    assert parse_card(URL, "<<<>>> not html at all") is None
