"""Translations: complete Indonesian catalogue, compiled and in step with the sources."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir
from app.ui.i18n import choose_language
from app.ui.timefmt import relative_time

TRANSLATIONS = resources_dir() / "translations"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.mark.parametrize("language", ["id", "en"])
def test_catalogue_is_complete(language: str) -> None:
    tree = ET.parse(TRANSLATIONS / f"pantau_{language}.ts")
    messages = tree.findall(".//message")
    assert len(messages) > 50
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_compiled_catalogue_matches_its_source(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"pantau_{language}.qm"
    subprocess.run(
        [str(LRELEASE), "-silent", str(TRANSLATIONS / f"pantau_{language}.ts"), "-qm", str(fresh)],
        check=True,
    )
    shipped = TRANSLATIONS / f"pantau_{language}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run scripts/translations.sh"


def test_indonesian_strings_and_relative_times(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "pantau_id.qm"))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("columns", "Mentions") != "Mentions"
        # Qt has no Indonesian catalogue of its own; ours covers its standard buttons
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
        now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
        five = relative_time(now - timedelta(minutes=5), now)
        assert five.startswith("5 ")
        assert five != "5 min"
        assert relative_time(now - timedelta(hours=2), now).startswith("2 ")
    finally:
        qapp.removeTranslator(translator)


def test_system_locale_picks_indonesian() -> None:
    assert choose_language("system", QLocale(QLocale.Language.Indonesian)) == "id"
    assert choose_language("system", QLocale(QLocale.Language.English)) == "en"
    assert choose_language("en", QLocale(QLocale.Language.Indonesian)) == "en"


def _translate_calls(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every QCoreApplication.translate("ctx", "literal", ...) call."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            context, source = (a.value for a in node.args[:2])  # type: ignore[attr-defined]
            found.add((str(context), str(source)))
    return found


def test_every_translatable_string_is_in_the_catalogue() -> None:
    """pyside6-lupdate silently skips some calls (a count given as an expression); this
    catches a string the Indonesian catalogue would never get."""
    root = resources_dir().parent
    in_code: set[tuple[str, str]] = set()
    for folder in ("app", "columns"):
        for path in (root / folder).rglob("*.py"):
            in_code |= _translate_calls(path)
    tree = ET.parse(TRANSLATIONS / "pantau_id.ts")
    in_catalogue = {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.findall("context")
        for message in context.findall("message")
    }
    assert len(in_code) > 100
    assert in_code - in_catalogue == set()
