"""Column kinds: one module each, discovered at start-up (a new kind is one new file)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from columns.base import ColumnKind


@cache
def kinds() -> dict[str, ColumnKind]:
    """Every column kind, by name, in the order the Add column dialog lists them."""
    found: list[ColumnKind] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, ColumnKind):
            found.append(kind)
    found.sort(key=lambda k: k.order)
    return {k.name: k for k in found}


def kind(name: str) -> ColumnKind | None:
    return kinds().get(name)
