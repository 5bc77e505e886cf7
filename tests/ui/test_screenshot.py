"""`pantau --demo --screenshot` as a user runs it: a real process, a real PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


def _run(tmp_path: Path, *args: str, lang: str = "id_ID.UTF-8") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PANTAU_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env["LANG"] = env["LC_ALL"] = lang
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_demo_screenshot_is_a_populated_deck(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = _run(tmp_path, "--demo", "--screenshot", str(out), "--size", "1600x900")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)
    assert _distinct_colours(image) > 40  # text, avatars and badges, not a blank window
    log = (tmp_path / "home").rglob("pantau.log")
    assert any("starting (profile demo)" in p.read_text() for p in log)


def test_screenshot_rejects_a_bad_size(tmp_path: Path) -> None:
    result = _run(tmp_path, "--demo", "--screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert result.returncode == 2
    assert "--size" in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("lang", ["id_ID.UTF-8", "en_US.UTF-8"])
def test_second_start_reuses_the_demo_profile(tmp_path: Path, lang: str) -> None:
    for _ in range(2):
        result = _run(tmp_path, "--demo", "--screenshot", str(tmp_path / "s.png"), lang=lang)
        assert result.returncode == 0, result.stderr
    databases = list((tmp_path / "home").rglob("*.sqlite3"))
    assert len(databases) == 1
