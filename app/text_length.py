"""How long a post is in the eyes of its network: what counts, and the limit.

Mastodon counts grapheme clusters of text plus content warning, every http(s) URL as a
fixed number of characters (23, or the server's `characters_reserved_per_url`), and a
remote mention `@user@server` as `@user`; the limit is the server's
(/api/v2/instance `configuration.statuses.max_characters`, 500 by default).
Bluesky counts graphemes, 300 at most. X weighs characters (issue 6 brings its exact
rules); URLs count 23 there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from app.model import Network

_URL = re.compile(r"(?:(?<=\s)|^)https?://[^\s]+", re.IGNORECASE)
_TRAILING = ".,;:!?\"')"
_REMOTE_MENTION = re.compile(r"(?:(?<=\s)|^)@(\w+)@[\w.-]*\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class TextRules:
    limit: int
    url_length: int = 0  # every URL counts this many characters; 0: as typed
    short_remote_mentions: bool = False  # "@user@server" counts as "@user"


DEFAULT_RULES = {
    Network.MASTODON: TextRules(500, 23, short_remote_mentions=True),
    Network.BLUESKY: TextRules(300),
    Network.X: TextRules(280, 23),
}


def counted_length(text: str, rules: TextRules) -> int:
    if rules.url_length:

        def url(match: re.Match[str]) -> str:
            found = match.group(0)
            kept = found.rstrip(_TRAILING)
            return "x" * rules.url_length + found[len(kept) :]

        text = _URL.sub(url, text)
    if rules.short_remote_mentions:
        text = _REMOTE_MENTION.sub(lambda m: "@" + m.group(1), text)
    return len(regex.findall(r"\X", text))
