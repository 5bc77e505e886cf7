"""Avatars: fetched once in the background, cached on disk, junk and odd URLs refused."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.ui.avatars import AvatarCache


def _png() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor("#0F766E"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs lack QIODevice
    return bytes(data.data())


class Server:
    def __init__(self) -> None:
        self.hits: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.hits.append(str(request.url))
        if request.url.path == "/junk.png":
            return httpx.Response(200, content=b"<html>not an image</html>")
        return httpx.Response(200, content=_png())


@pytest.fixture
def server() -> Server:
    return Server()


def _cache(tmp_path: Path, server: Server) -> AvatarCache:
    return AvatarCache(
        folder=tmp_path / "avatars",
        client_factory=lambda: httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )


def test_fetched_once_then_served_from_cache(
    qtbot: QtBot, tmp_path: Path, server: Server, loop: asyncio.AbstractEventLoop
) -> None:
    cache = _cache(tmp_path, server)
    url = "https://sosmed.example/avatars/budi.png"
    assert cache.pixmap(url, 38) is None
    with qtbot.waitSignal(cache.ready, timeout=3000):
        loop.run_until_complete(asyncio.sleep(0.05))
    picture = cache.pixmap(url, 38)
    assert picture is not None
    assert (picture.width(), picture.height()) == (38, 38)
    assert cache.pixmap(url, 38) is picture
    fresh = _cache(tmp_path, server)  # a new run reads the disk cache, no request
    assert fresh.pixmap(url, 38) is not None
    assert server.hits == [url]
    loop.run_until_complete(cache.aclose())


@pytest.mark.parametrize("url", ["", "file:///etc/passwd", "javascript:alert(1)", "data:x"])
def test_non_web_urls_are_never_fetched(tmp_path: Path, server: Server, url: str) -> None:
    cache = _cache(tmp_path, server)
    assert cache.pixmap(url, 38) is None
    assert server.hits == []


def test_junk_is_not_cached_and_not_retried(
    tmp_path: Path, server: Server, loop: asyncio.AbstractEventLoop
) -> None:
    cache = _cache(tmp_path, server)
    url = "https://sosmed.example/junk.png"
    assert cache.pixmap(url, 38) is None
    loop.run_until_complete(asyncio.sleep(0.1))
    assert cache.pixmap(url, 38) is None
    loop.run_until_complete(asyncio.sleep(0.05))
    assert server.hits == [url]
    folder = tmp_path / "avatars"
    assert not folder.exists() or not any(folder.iterdir())
    loop.run_until_complete(cache.aclose())
