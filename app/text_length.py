"""How long a post is in the eyes of its network: what counts, and the limit.

Mastodon counts grapheme clusters of text plus content warning, every http(s) URL as a
fixed number of characters (23, or the server's `characters_reserved_per_url`), and a
remote mention `@user@server` as `@user`; the limit is the server's
(/api/v2/instance `configuration.statuses.max_characters`, 500 by default).
Bluesky counts graphemes, 300 at most.

X weighs its 280, as twitter-text's v3 configuration does (`weighted`): the text is
NFC-normalised; a code point weighs 1 in U+0000-U+10FF (Latin, Greek, Cyrillic, Hebrew,
Arabic, Devanagari, Thai, ...), U+2000-U+200D, U+2010-U+201F and U+2032-U+2037, and 2
anywhere else (CJK, Hangul, emoji, ...); an emoji sequence (skin tone, ZWJ family, flag,
keycap, emoji + U+FE0F) weighs 2 however many code points it holds; and every URL weighs
23, the length of its t.co link. X finds URLs with or without a scheme: "lapor.go.id/x"
counts 23 too, as "https://..." does.

Where this approximates twitter-text:
- An emoji sequence is a grapheme cluster (`\\X`) of two or more code points that starts
  with an Extended_Pictographic or regional-indicator code point and holds no text
  presentation selector U+FE0E, or a keycap `[#*0-9] U+FE0F? U+20E3`. twitter-text
  matches a fixed list of RGI sequences (Unicode 12): sequences newer than its list, or
  an emoji followed by a combining mark, count 2 here and more there.
- A bare domain ("example.com", "www.example.com/path") needs a country-code TLD or one of
  the common generic TLDs below; twitter-text knows every IANA TLD, so a bare domain
  under a rarer one ("example.photography") counts as typed here.
- After http:// or https:// an unknown alphabetic TLD is accepted when no known one fits;
  twitter-text wants a known one there too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

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
    weighted: bool = False  # X's weights: see the module docstring


DEFAULT_RULES = {
    Network.MASTODON: TextRules(500, 23, short_remote_mentions=True),
    Network.BLUESKY: TextRules(300),
    Network.X: TextRules(280, 23, weighted=True),
}


def counted_length(text: str, rules: TextRules) -> int:
    if rules.weighted:
        return _weighted_length(text, rules.url_length)
    if rules.url_length:

        def url(match: re.Match[str]) -> str:
            found = match.group(0)
            kept = found.rstrip(_TRAILING)
            return "x" * rules.url_length + found[len(kept) :]

        text = _URL.sub(url, text)
    if rules.short_remote_mentions:
        text = _REMOTE_MENTION.sub(lambda m: "@" + m.group(1), text)
    return len(regex.findall(r"\X", text))


# X: twitter-text v3 weights -----------------------------------------------------------

_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_GRAPHEME = regex.compile(r"\X")
_KEYCAP = regex.compile(r"[#*0-9]\uFE0F?\u20E3")
_EMOJI_START = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")


def _weighted_length(text: str, url_length: int) -> int:
    text = unicodedata.normalize("NFC", text)
    total = done = 0
    for start, end in _url_spans(text):
        total += _plain_weight(text[done:start]) + url_length
        done = end
    return total + _plain_weight(text[done:])


def _plain_weight(text: str) -> int:
    return sum(_cluster_weight(cluster) for cluster in _GRAPHEME.findall(text))


def _cluster_weight(cluster: str) -> int:
    emoji = len(cluster) > 1 and "\ufe0e" not in cluster and _EMOJI_START.match(cluster)
    if emoji or _KEYCAP.fullmatch(cluster):
        return 2
    return sum(1 if any(a <= ord(c) <= b for a, b in _LIGHT) else 2 for c in cluster)


# Country codes (IANA); generic TLDs common enough to be typed without a scheme.
_TLDS = """
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br
bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do
dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt
gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp
kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms
mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr
ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx
sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn
vu wf ws ye yt za zm zw
com net org info biz edu gov mil int name pro mobi asia tel travel jobs museum aero coop
cat post xxx app dev page blog shop store online site website tech xyz club top live news
media link art design cloud digital email group icu vip today world life space fun wiki
video one plus global network studio agency company center services solutions systems
software tools academy school university education bank money market photo photos pics
gallery music movie game games social chat love lol fyi ink pub red pink run zone works
work care health clinic law events community foundation institute international ltd llc
inc moe tokyo mba ngo ong guru expert review reviews support help host hosting download
"""

# The shape of twitter-text's URL (preceding character, host, port, path, query), written
# for Python: a bare host is ASCII or accented Latin with a known TLD; after a scheme the
# labels may be any letters, and so may the TLD if no known one fits.
_ACCENTED = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u1e00-\u1eff"
_BARE_CHAR = f"[a-z0-9{_ACCENTED}]"
_ANY_CHAR = r"[^\s!-/:-@\[-`{-~\u061c\u2000-\u206f\ufeff\ufffe\uffff]"
_KNOWN_TLD = "|".join(["xn--[-0-9a-z]+", *_TLDS.split()])
_ANY_TLD = r"[^\W\d_]{2,}"


def _host(char: str, tld: str, not_after: str = "@+-") -> str:
    subdomain = f"(?>(?:{char}(?:[-_]|{char})*)?{char}\\.)"
    name = f"(?:{char}(?:-|{char})*)?{char}\\."
    return f"(?:{subdomain})*{name}(?:{tld})(?=[^0-9a-z{not_after}]|$)"


_PATH_CHAR = f"[a-z0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~|&@{_ACCENTED}\u0400-\u04ff]"
_PARENS = f"\\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*)\\)"
_PATH_END = f"(?:[a-z0-9=_#/+\\-{_ACCENTED}\u0400-\u04ff]|{_PARENS})"
_QUERY = r"(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?"
@cache
def _x_url() -> regex.Pattern[str]:
    """X's URL pattern, compiled on first use: with every TLD it takes tens of
    milliseconds, which start-up should not pay before anyone writes a post."""
    return regex.compile(_X_URL_PATTERN, regex.IGNORECASE)


_X_URL_PATTERN = (
    "(?<![a-z0-9@\uff20$#\uff03\ufeff\ufffe\uffff])"  # not inside a word, @, $ or # tag
    "(?P<scheme>https?://)?"
    f"(?P<host>(?(scheme)(?:{_host(_ANY_CHAR, _KNOWN_TLD)}"
    f"|{_host(_ANY_CHAR, _ANY_TLD, '@+_-')})"
    f"|(?<![-_./]){_host(_BARE_CHAR, _KNOWN_TLD)}))"  # a bare host not after - _ . /
    "(?::[0-9]+)?"
    f"(?:/(?:(?:{_PATH_CHAR}|{_PARENS})*{_PATH_END})?)?" + _QUERY
)
_TCO = regex.compile(r"https?://t\.co/([a-z0-9]+)" + _QUERY, regex.IGNORECASE)


def _url_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where X sees URLs: no host with a label over 63 characters once IDNA-encoded, no
    URL over 4096; a t.co link ends after its slug (40 characters at most)."""
    for match in _x_url().finditer(text):
        (start, end), host = match.span(), match["host"]
        encoded = [
            label if label.isascii() else "xn--" + label.encode("punycode").decode()
            for label in host.split(".")
        ]
        if max(map(len, encoded)) > 63:
            continue
        scheme = 0 if match["scheme"] else len("https://")
        if scheme + end - start + len(".".join(encoded)) - len(host) > 4096:
            continue
        if tco := _TCO.match(text, start, end):
            if len(tco[1]) > 40:
                continue
            end = tco.end()
        yield start, end
