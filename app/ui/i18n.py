"""Loads the interface translation: Indonesian or English, chosen once at start-up."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")


def choose_language(setting: str, system: QLocale) -> str:
    """The setting wins; 'system' means Indonesian on an Indonesian computer, else English."""
    if setting in LANGUAGES:
        return setting
    return "id" if system.language() == QLocale.Language.Indonesian else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Pantau's catalogue and Qt's own (for standard buttons) for `language`.
    Returns the translators so the caller keeps them alive."""
    installed: list[QTranslator] = []
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if language == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia if language == "id" else QLocale.Country.UnitedStates,
        )
    )
    ours = QTranslator(app)
    path = resources_dir() / "translations" / f"pantau_{language}.qm"
    if ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.error("translation %s could not be loaded", path)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
