"""Untrusted post HTML cut down to a tiny allow-list, plus HTML <-> plain text (no Qt)."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "a", "span", "strong", "b", "em", "i", "u", "s", "del", "code", "pre",
     "blockquote", "ul", "ol", "li"}
)  # fmt: skip
URL_SCHEMES = frozenset({"http", "https"})
LINK_REL = "noopener noreferrer nofollow"

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    # Dropped with their text: a script's source is never something to read.
    clean_content_tags={"script", "style", "template", "noscript", "textarea", "title"},
    attributes={"a": {"href"}},
    url_schemes=set(URL_SCHEMES),
    # A relative link has no server to resolve against once it is in our cache.
    url_relative="deny",
    link_rel=LINK_REL,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """`html` reduced to ALLOWED_TAGS, a[href] with http(s) only, rel=noopener on links."""
    return _CLEANER.clean(html)


_BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
     "table", "tr", "section", "article", "header", "footer"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title"})
_BLANK_LINE = "\n\n"


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._pre = 0
        self._line_start = True

    def _break(self, text: str) -> None:
        # Whitespace before a line break is never meant to be seen.
        if self.parts and not self._pre:
            self.parts[-1] = self.parts[-1].rstrip(" ")
        self.parts.append(text)
        self._line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self._break("\n")
        elif tag == "li":
            self._break("\n• ")
        elif tag in _BLOCK_TAGS:
            self._break(_BLANK_LINE)
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._break(_BLANK_LINE)
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            # A code block keeps its own lines and indentation.
            self.parts.append(data.replace("\r\n", "\n"))
            self._line_start = data.endswith("\n")
            return
        # Outside <pre>, any run of HTML whitespace (newlines included) reads as one space.
        data = re.sub(r"[ \t\n\r\f]+", " ", data)
        if self._line_start or (self.parts and self.parts[-1].endswith(" ")):
            data = data.lstrip(" ")
        if data:
            self.parts.append(data)
            self._line_start = False


def html_to_text(html: str) -> str:
    """Plain text of post HTML for search and previews: entities decoded, br/p as newlines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    # Where several blocks meet (</p><p>, </li></ul>), one blank line is enough.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"*"


def _split_url(candidate: str) -> tuple[str, str]:
    """The URL and the punctuation after it that belongs to the sentence, not the link."""
    url = candidate
    while url:
        # A ")" closes the sentence's parenthesis unless the URL opened one, as Wikipedia's do.
        unbalanced = url[-1] == ")" and url.count("(") < url.count(")")
        if url[-1] not in _TRAILING and not unbalanced:
            break
        url = url[:-1]
    return url, candidate[len(url) :]


def _linkify(line: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(line):
        url, rest = _split_url(match.group(0))
        out.append(htmllib.escape(line[pos : match.start()]))
        if url.split("://", 1)[1]:
            href = htmllib.escape(url, quote=True)
            out.append(f'<a href="{href}" rel="{LINK_REL}">{htmllib.escape(url)}</a>')
        else:
            out.append(htmllib.escape(url))
        out.append(htmllib.escape(rest))
        pos = match.end()
    out.append(htmllib.escape(line[pos:]))
    return "".join(out)


def text_to_html(text: str) -> str:
    """Safe HTML for plain text (demo data, our own posts): escaped, links, <p> and <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(_linkify(line) for line in paragraph.strip("\n").split("\n")) + "</p>"
        for paragraph in paragraphs
    )
