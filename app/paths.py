"""Where Pantau keeps its files: per-profile data, cache and log folders (no Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal, get_args

import platformdirs

Profile = Literal["default", "demo"]
""""demo" is the sample deck of `pantau --demo`; it never shares a file with real accounts."""

APP_NAME = "Pantau"
HOME_ENV = "PANTAU_HOME"
"""Puts every folder under one directory (tests point it at their tmp_path)."""

DATABASE_NAME = "pantau.sqlite3"
_PROFILES: frozenset[str] = frozenset(get_args(Profile))


def _base(kind: Literal["data", "cache", "log"]) -> Path:
    home = os.environ.get(HOME_ENV, "")
    if home:
        return Path(home).expanduser() / kind
    if kind == "data":
        return platformdirs.user_data_path(APP_NAME, appauthor=False)
    if kind == "cache":
        return platformdirs.user_cache_path(APP_NAME, appauthor=False)
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def _folder(kind: Literal["data", "cache", "log"], profile: Profile) -> Path:
    # The profile becomes a path component, so only the known names are accepted.
    if profile not in _PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {sorted(_PROFILES)}")
    path = _base(kind) / profile
    # 0o700: the cache holds private messages of public-service accounts (ignored on Windows).
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def data_dir(profile: Profile = "default") -> Path:
    """The folder of the profile's SQLite cache and settings; created if missing."""
    return _folder("data", profile)


def cache_dir(profile: Profile = "default") -> Path:
    """The folder of downloaded images and other files that may be deleted at any time."""
    return _folder("cache", profile)


def log_dir(profile: Profile = "default") -> Path:
    """The folder of the profile's rotating log files; created if missing."""
    return _folder("log", profile)


def database_path(profile: Profile = "default") -> Path:
    """The SQLite file of the profile (the folder exists, the file may not yet)."""
    return data_dir(profile) / DATABASE_NAME


def resources_dir() -> Path:
    """resources/ beside the code, or inside the frozen bundle (PyInstaller sets _MEIPASS)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if isinstance(bundle, str) else Path(__file__).resolve().parents[1]
    return base / "resources"
