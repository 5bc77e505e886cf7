"""Link cards: the title, description and image a page announces for itself (OpenGraph
<meta property="og:…">, else <title>), read from the first bytes of the page.

Used where a network shows a card only if the client builds it (Bluesky's external embed).
Bounded in time and size; any failure simply means no card.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 512 * 1024  # the <head> is near the top; no need to read a whole page
MAX_IMAGE_BYTES = 1_000_000  # Bluesky's limit for an external embed's thumbnail
TIMEOUT_S = 6.0
MAX_TITLE = 300
MAX_DESCRIPTION = 1000


@dataclass(frozen=True, slots=True)
class LinkCard:
    url: str
    title: str
    description: str = ""
    image_url: str = ""


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): v or "" for k, v in attrs}
            name = (values.get("property") or values.get("name") or "").lower()
            if name and "content" in values:
                self.meta.setdefault(name, values["content"].strip())
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def parse_card(url: str, html: str) -> LinkCard | None:
    """The card a page's <head> describes; None when it names no title at all."""
    reader = _HeadReader()
    with contextlib.suppress(ValueError, AssertionError):  # it gives up on some broken markup
        reader.feed(html)
    meta = reader.meta
    title = meta.get("og:title") or meta.get("twitter:title") or " ".join(reader.title.split())
    if not title:
        return None
    description = meta.get("og:description") or meta.get("description") or ""
    image = meta.get("og:image") or meta.get("twitter:image") or ""
    image_url = urljoin(url, image) if image else ""
    return LinkCard(
        url=url,
        title=title[:MAX_TITLE],
        description=description[:MAX_DESCRIPTION],
        image_url=image_url if _http(image_url) else "",
    )


async def _read(client: httpx.AsyncClient, url: str, limit: int) -> tuple[bytes, str] | None:
    """Up to `limit` bytes of `url` and its content type; None on any failure."""
    try:
        async with client.stream(
            "GET", url, follow_redirects=True, timeout=TIMEOUT_S, headers={"Accept": "*/*"}
        ) as response:
            if response.status_code != 200 or not _http(str(response.url)):
                return None
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data += chunk
                if len(data) >= limit:
                    break
            return bytes(data[:limit]), response.headers.get("content-type", "")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        log.info("no link card for a link: %s", type(exc).__name__)
        return None


async def fetch_card(client: httpx.AsyncClient, url: str) -> LinkCard | None:
    if not _http(url):
        return None
    page = await _read(client, url, MAX_PAGE_BYTES)
    if page is None or "html" not in page[1]:
        return None
    data, content_type = page
    charset = "utf-8"
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
    try:
        text = data.decode(charset, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return parse_card(url, text)


async def fetch_image(client: httpx.AsyncClient, url: str) -> tuple[bytes, str] | None:
    """The card's image, if it is an image and small enough to upload."""
    found = await _read(client, url, MAX_IMAGE_BYTES + 1)
    if found is None:
        return None
    data, content_type = found
    mime = content_type.split(";")[0].strip().lower()
    if not mime.startswith("image/") or len(data) > MAX_IMAGE_BYTES:
        return None
    return data, mime
