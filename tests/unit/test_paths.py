"""app.paths: per-profile folders under PANTAU_HOME or the platform's own places."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs
import pytest

from app import paths


def test_folders_live_under_pantau_home(pantau_home: Path) -> None:
    assert paths.data_dir("default") == pantau_home / "data" / "default"
    assert paths.log_dir("default") == pantau_home / "log" / "default"
    assert paths.cache_dir("default") == pantau_home / "cache" / "default"
    assert paths.database_path("default") == pantau_home / "data" / "default" / "pantau.sqlite3"
    assert paths.data_dir("default").is_dir()
    assert paths.log_dir("default").is_dir()


def test_demo_profile_has_its_own_database() -> None:
    assert paths.database_path("demo") != paths.database_path("default")
    assert paths.database_path("demo").parent == paths.data_dir("demo")
    assert paths.log_dir("demo") != paths.log_dir("default")


def test_default_profile_is_the_default() -> None:
    assert paths.database_path() == paths.database_path("default")


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        paths.data_dir("../default")  # type: ignore[arg-type]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_data_folder_is_private() -> None:
    mode = stat.S_IMODE(os.stat(paths.data_dir("default")).st_mode)
    assert mode & 0o077 == 0


def test_without_pantau_home_platformdirs_decide(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PANTAU_HOME")
    # Keep the real profile untouched: point platformdirs' XDG lookups at tmp_path.
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name))
    expected = platformdirs.user_data_path("Pantau", appauthor=False) / "demo"
    assert paths.data_dir("demo") == expected
    assert paths.log_dir("demo").parent == platformdirs.user_log_path("Pantau", appauthor=False)
    if sys.platform.startswith("linux"):
        assert paths.data_dir("demo") == tmp_path / "XDG_DATA_HOME" / "Pantau" / "demo"
