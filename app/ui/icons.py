"""Icons from resources/icons, cached, plus the colours that mark each network."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon

from app.model import Network
from app.paths import resources_dir


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
