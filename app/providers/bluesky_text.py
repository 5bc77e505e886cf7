"""Bluesky rich text: finding mentions, links and hashtags in what the admin typed, as
facets with UTF-8 byte ranges, and counting length in graphemes as the server does.

Rules from the Bluesky docs (https://docs.bsky.app/docs/advanced-guides/post-richtext):
facet ranges are byte offsets into the UTF-8 text, end exclusive; a post holds at most
300 graphemes; a tag is at most 64 characters and not only digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

MAX_GRAPHEMES = 300
MAX_MESSAGE_GRAPHEMES = 1000  # chat.bsky.convo.defs#messageInput
MAX_TAG_LENGTH = 64

# Characters that end a tag besides white space: soft hyphen, word joiner, hair and
# zero-width spaces and joiners, the enclosing keycap.
_TAG_STOP = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_MENTION = regex.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)\b")
_URL = regex.compile(
    r"(?:^|(?<=[\s(]))(https?://\S+|(?:[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?:/\S*)?)",
    regex.IGNORECASE,
)
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃]((?!\ufe0f)[^\s{_TAG_STOP}]*[^\d\s\p{{P}}{_TAG_STOP}][^\s{_TAG_STOP}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
# Bare domains become links only with a top-level domain people use; "berkas.pdf" or
# "v1.2" stay text. (Bluesky's apps check a full TLD list; these cover Indonesian use.)
_BARE_TLDS = frozenset(
    {"id", "com", "net", "org", "info", "io", "co", "gov", "edu", "app", "dev", "social", "me",
     "xyz", "biz", "asia", "online", "site", "web"}
)  # fmt: skip
_HANDLE = regex.compile(r"([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]*)")


class FacetKind(StrEnum):
    MENTION = "app.bsky.richtext.facet#mention"
    LINK = "app.bsky.richtext.facet#link"
    TAG = "app.bsky.richtext.facet#tag"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text that becomes a facet: `value` is the handle (without "@"), the
    full URL, or the tag (without "#"); start and end are UTF-8 byte offsets."""

    kind: FacetKind
    start: int
    end: int
    value: str


def grapheme_count(text: str) -> int:
    """User-perceived characters: an emoji with skin tone or a flag counts once."""
    return len(regex.findall(r"\X", text))


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _span(text: str, kind: FacetKind, start: int, end: int, value: str) -> Span:
    return Span(kind, _byte_offset(text, start), _byte_offset(text, end), value)


def detect(text: str) -> list[Span]:
    """Mentions, links and hashtags in `text`, in order; a piece of text is in at most one
    (a URL's "#fragment" is no hashtag). Handles still need resolving to DIDs."""
    spans: list[tuple[int, int, Span]] = []
    for match in _URL.finditer(text):
        found = _link(text, match)
        if found is not None:
            spans.append(found)
    for match in _MENTION.finditer(text):
        handle = match.group(1).rstrip(".-")
        if _HANDLE.fullmatch(handle):
            start = match.start()
            end = start + 1 + len(handle)
            spans.append((start, end, _span(text, FacetKind.MENTION, start, end, handle)))
    for match in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", match.group(1))
        if tag and len(tag) <= MAX_TAG_LENGTH:
            start = match.start()
            end = match.start(1) + len(tag)
            spans.append((start, end, _span(text, FacetKind.TAG, start, end, tag)))
    kept: list[Span] = []
    taken_until = -1
    for start, end, span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= taken_until:
            kept.append(span)
            taken_until = end
    return kept


def _link(text: str, match: regex.Match[str]) -> tuple[int, int, Span] | None:
    start = match.start(1)
    url = match.group(1)
    # Sentence punctuation after a link is not part of it; nor is a closing parenthesis
    # that has no opening one inside the link.
    while url and (url[-1] in ".,;:!?\"'" or (url[-1] == ")" and "(" not in url)):
        url = url[:-1]
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        host = url.split("/", 1)[0].lower()
        if host.rsplit(".", 1)[-1] not in _BARE_TLDS:
            return None
        full = "https://" + url
    else:
        if "." not in url.split("://", 1)[1].split("/", 1)[0]:
            return None
        full = url
    end = start + len(url)
    return start, end, _span(text, FacetKind.LINK, start, end, full)


def facet(span: Span, *, did: str = "") -> dict[str, object]:
    """The app.bsky.richtext.facet record for a span (a mention needs its DID)."""
    feature: dict[str, object] = {"$type": span.kind.value}
    if span.kind is FacetKind.MENTION:
        feature["did"] = did
    elif span.kind is FacetKind.LINK:
        feature["uri"] = span.value
    else:
        feature["tag"] = span.value
    return {"index": {"byteStart": span.start, "byteEnd": span.end}, "features": [feature]}
