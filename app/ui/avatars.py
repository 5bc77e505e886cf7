"""Avatars fetched once through the app's own disk cache, painted round; never blocking."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import httpx
from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPixmap

log = logging.getLogger(__name__)

MAX_BYTES = 1_000_000
MAX_PARALLEL = 4
MEMORY_ITEMS = 400

ClientFactory = Callable[[], httpx.AsyncClient]


def _round(image: QImage, size: int) -> QPixmap:
    scaled = image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(clip)
    painter.drawImage(
        QRectF(0, 0, size, size),
        scaled,
        QRectF((scaled.width() - size) / 2, (scaled.height() - size) / 2, size, size),
    )
    painter.end()
    return pixmap


class AvatarCache(QObject):
    """`pixmap()` answers from memory or disk at once, or returns None and fetches in the
    background (http(s) only, size-capped, each URL tried once per run); `ready` tells the
    views to repaint."""

    ready = Signal(str)

    def __init__(
        self,
        *,
        folder: Path,
        client_factory: ClientFactory | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._client_factory = client_factory
        self._memory: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._tried: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(MAX_PARALLEL)
        self._client: httpx.AsyncClient | None = None

    def _path(self, url: str) -> Path:
        return self._folder / (hashlib.sha256(url.encode()).hexdigest() + ".img")

    def pixmap(self, url: str, size: int) -> QPixmap | None:
        if not url.startswith(("https://", "http://")):
            return None
        key = (url, size)
        cached = self._memory.get(key)
        if cached is not None:
            self._memory.move_to_end(key)
            return cached
        path = self._path(url)
        if path.exists():
            image = QImage(str(path))
            if not image.isNull():
                pixmap = _round(image, size)
                self._memory[key] = pixmap
                if len(self._memory) > MEMORY_ITEMS:
                    self._memory.popitem(last=False)
                return pixmap
        self._fetch(url)
        return None

    def _fetch(self, url: str) -> None:
        if self._client_factory is None or url in self._tried:
            return
        self._tried.add(url)
        task = asyncio.ensure_future(self._download(url))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _download(self, url: str) -> None:
        async with self._slots:
            try:
                if self._client is None and self._client_factory is not None:
                    self._client = self._client_factory()
                assert self._client is not None
                response = await self._client.get(url)
                response.raise_for_status()
            except httpx.HTTPError as exc:
                log.info("avatar %s not loaded: %s", url, type(exc).__name__)
                return
        data = response.content
        image = QImage()
        if len(data) > MAX_BYTES or not image.loadFromData(data):
            log.info("avatar %s rejected (%d bytes)", url, len(data))
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(self._path(url).write_bytes, data)
        self.ready.emit(url)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
