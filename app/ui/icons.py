"""Icons from resources/icons, cached, plus the colours that mark each network."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QIcon

from app.model import Network


def resources_dir() -> Path:
    """resources/ beside the code, or inside the frozen bundle (PyInstaller sets _MEIPASS)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if isinstance(bundle, str) else Path(__file__).resolve().parents[2]
    return base / "resources"


@cache
def icon(name: str) -> QIcon:
    """A named icon; an unknown name gives an empty icon rather than failing the UI."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


NETWORK_COLORS: dict[Network, str] = {
    Network.MASTODON: "#6364FF",
    Network.BLUESKY: "#1185FE",
    Network.X: "#0F1419",
}


def network_color(network: Network) -> QColor:
    return QColor(NETWORK_COLORS.get(network, "#5f6b7a"))


def network_name(network: Network) -> str:
    """Brand names are not translated."""
    return {Network.MASTODON: "Mastodon", Network.BLUESKY: "Bluesky", Network.X: "X"}[network]
