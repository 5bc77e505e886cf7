"""`pantau report --month 2026-11 --out DIR`: the monthly triage report as files, without
opening the window, so an office can schedule it (Task Scheduler, cron)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from app import paths, triage
from app.settings import Settings
from app.store import Store, StoreError
from app.ui.i18n import choose_language, install_translators
from app.ui.report_export import export_csv, export_pdf, export_png, file_stem

FORMATS = ("csv", "png", "pdf")


def parse_month(text: str) -> tuple[int, int]:
    try:
        when = datetime.strptime(text, "%Y-%m")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a month like 2026-11, not {text!r}") from None
    return when.year, when.month


def previous_month(now: datetime) -> tuple[int, int]:
    return (now.year - 1, 12) if now.month == 1 else (now.year, now.month - 1)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="pantau report", description="Write the monthly triage report to a folder."
    )
    parser.add_argument("--month", type=parse_month, help="YYYY-MM; default: last month")
    parser.add_argument("--out", type=Path, required=True, help="folder for the files")
    parser.add_argument(
        "--format", default=",".join(FORMATS), help="any of csv,png,pdf (default: all three)"
    )
    parser.add_argument("--demo", action="store_true", help="report on the demo profile")
    parser.add_argument("--lang", choices=("id", "en"), help="language of the report")
    args = parser.parse_args(list(argv))
    args.formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = sorted(set(args.formats) - set(FORMATS))
    if unknown or not args.formats:
        parser.error(f"--format takes csv, png and pdf, not {', '.join(unknown) or 'nothing'}")
    return args


def main(argv: Sequence[str]) -> int:
    """Returns the exit code: 0 written, 1 the cache or the folder failed, 2 bad arguments."""
    args = parse_args(argv)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a server or cron job
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    profile: paths.Profile = "demo" if args.demo else "default"
    try:
        store = Store.open(paths.database_path(profile))
    except StoreError as exc:
        print(f"pantau report: {exc}", file=sys.stderr)
        return 1
    locale = QLocale()
    translators: list[QTranslator] = []
    try:
        settings = Settings(store)
        language = args.lang or choose_language(settings.get("language"), QLocale.system())
        translators = install_translators(app, language)
        now = datetime.now(UTC)
        year, month = args.month or previous_month(now)
        report = triage.month_report(store, settings, year, month, now)
        names = {a.code: a.name for a in store.agencies()}
        args.out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        if "csv" in args.formats:
            written += export_csv(report, args.out, names)
        if "png" in args.formats:
            written.append(args.out / f"{file_stem(report)}.png")
            export_png(report, written[-1], names)
        if "pdf" in args.formats:
            written.append(args.out / f"{file_stem(report)}.pdf")
            export_pdf(report, written[-1], names)
    except (OSError, StoreError) as exc:
        print(f"pantau report: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
        # Leave the application as it was (it may be a running one, as in the tests).
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    for path in written:
        print(path)
    print(f"{report.total.received} cases received in {year}-{month:02d}", file=sys.stderr)
    return 0
