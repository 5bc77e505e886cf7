"""Start-up: parse the command line, open the store, restore the deck, run the qasync loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

import httpx
import qasync
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__, credentials, paths
from app.logs import setup_logging
from app.providers import load_providers
from app.services import Services
from app.settings import Settings
from app.store import Store, StoreError
from app.sync import AccountProviders
from app.ui.avatars import AvatarCache
from app.ui.errors import describe
from app.ui.gc_guard import MainThreadCollector
from app.ui.i18n import choose_language, install_translators
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from app.ui.timefmt import set_office_zone

log = logging.getLogger("pantau")

SETTLE_SECONDS = 0.4


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pantau", description="Pantau social desk")
    parser.add_argument("--demo", action="store_true", help="open the demo profile (no network)")
    parser.add_argument("--screenshot", type=Path, help="save the window to this PNG and exit")
    parser.add_argument("--size", default="", help="window size for --screenshot, e.g. 1600x900")
    parser.add_argument("--lang", choices=("id", "en"), help="interface language for this run")
    parser.add_argument("--version", action="version", version=f"Pantau {__version__}")
    return parser.parse_args(list(argv))


def parse_size(text: str) -> tuple[int, int] | None:
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        return None
    size = int(width), int(height)
    return size if min(size) >= 200 else None


def open_store(profile: paths.Profile) -> Store:
    store = Store.open(paths.database_path(profile))
    if profile == "demo" and not store.accounts():
        from app import demo  # noqa: PLC0415 - the sample deck is not start-up's business

        demo.populate(store, now=datetime.now(UTC))
    return store


class CrashHandler:
    """Bugs land here: logged in full, and the user sees plain words, not a traceback."""

    def __init__(self, log_file: Path) -> None:
        self._log_file = log_file
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        log.critical("unexpected error", exc_info=(kind, value, tb))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("crash", "Pantau hit a problem"),
                QCoreApplication.translate(
                    "crash",
                    "Something unexpected went wrong. Your drafts and cached posts are safe. "
                    "The details were written to %1.",
                ).replace("%1", str(self._log_file)),
            )
        finally:
            self._showing = False

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self(type(exc), exc, exc.__traceback__)
        else:
            log.error("event loop: %s", context.get("message"))


async def check_keyring(bridge: MessageBridge) -> None:
    try:
        await credentials.check_backend_async()
    except credentials.KeyringUnavailable as exc:
        bridge.error(describe(exc))


async def run(args: argparse.Namespace, app: QApplication, crash: CrashHandler) -> int:
    asyncio.get_running_loop().set_exception_handler(crash.loop_handler)
    profile: paths.Profile = "demo" if args.demo else "default"
    bridge = MessageBridge()
    try:
        store = open_store(profile)
    except StoreError as exc:
        log.error("cannot open the store: %s", exc)
        QMessageBox.critical(None, "Pantau", describe(exc))
        return 1
    settings = Settings(store)
    language = args.lang or choose_language(settings.get("language"), QLocale.system())
    translators = install_translators(app, language)
    set_office_zone(settings.get("timezone"))
    providers = None if args.demo else AccountProviders()
    if not args.demo:
        load_providers()
    services = None if providers is None else Services.create(store, providers)
    avatars = AvatarCache(
        folder=paths.cache_dir(profile) / "avatars",
        client_factory=None if args.demo else avatar_client,
    )
    window = MainWindow(
        store=store,
        services=services,
        settings=settings,
        bridge=bridge,
        avatars=avatars,
    )
    size = parse_size(args.size)
    if size is not None:
        window.resize(*size)
    window.show()
    await asyncio.sleep(SETTLE_SECONDS)
    window.restore_scroll_positions()
    if services is not None:
        await check_keyring(bridge)
        services.sync.set_interval(timedelta(minutes=int(settings.get("refresh_minutes"))))
        services.sync.start(window.wanted_feeds())
        window.refresh_scheduled()
        window.start_local_queue()
        window.start_reach_sampling()
    try:
        if args.screenshot is not None:
            return await screenshot(window, args.screenshot)
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def window_closed() -> None:
            if not closed.done():
                closed.set_result(None)

        app.lastWindowClosed.connect(window_closed)
        await closed
        return 0
    finally:
        await avatars.aclose()
        await window.aclose()
        if services is not None:
            await services.sync.aclose()
        store.close()
        del translators


def avatar_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=15, follow_redirects=True)


async def screenshot(window: MainWindow, path: Path) -> int:
    await asyncio.sleep(SETTLE_SECONDS)
    pixmap = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG"):
        log.error("could not save the screenshot to %s", path)
        return 2
    window.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["report"]:
        from app.ui import report_cli  # noqa: PLC0415 - no window, no loop for a report

        return report_cli.main(given[1:])
    args = parse_args(given)
    if args.screenshot is not None and parse_size(args.size or "1600x900") is None:
        print(f"pantau: --size must look like 1600x900, not {args.size!r}", file=sys.stderr)
        return 2
    if args.screenshot is not None and not args.size:
        args.size = "1600x900"
    profile: paths.Profile = "demo" if args.demo else "default"
    log_file = setup_logging(paths.log_dir(profile))
    crash = CrashHandler(log_file)
    sys.excepthook = crash
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Pantau")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("pantau")
    # run() ends the loop itself after closing sync and the store; Qt quitting on its own
    # when the window closes would stop the loop before that clean-up has run.
    app.setQuitOnLastWindowClosed(False)
    log.info("Pantau %s starting (profile %s)", __version__, profile)
    collector = MainThreadCollector(app)
    collector.start()
    code: int = qasync.run(run(args, app, crash))
    collector.stop()
    # Tear Qt down while Python is still whole; leaving it to interpreter finalisation
    # crashes PySide6 ("deallocating None") in the garbage collector.
    app.shutdown()
    return code
