"""Network providers, one module each, behind the Provider protocol of base.py."""

import importlib

PROVIDER_MODULES = ("mastodon", "bluesky")
"""Each registers its factory on import; a new network is one module plus one name here."""


def load_providers() -> None:
    for name in PROVIDER_MODULES:
        importlib.import_module(f"{__name__}.{name}")
