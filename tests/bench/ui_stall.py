"""The UI-stall run (a child process of bench_ui_stall): the real window, sync engine, store
and Mastodon provider ingest eight columns from the fake server while a 5 ms QTimer
measures how late the qasync loop lets it fire.

Wired as app.main wires the app (QApplication, the main-thread garbage collector, a qasync
loop, Store on a real file, Services, MainWindow shown at the deck's size, then
`sync.start(window.wanted_feeds())`), except that the providers talk to the fake server
(httpx.MockTransport behind a 20-120 ms round trip) with its tokens instead of the
keyring. The deck starts empty. The server holds 90% of each column's posts as history,
which every column backfills a page at a time (the path a column at its end takes); the
last 10% arrive in bursts, each followed by Refresh all (F5), and come into the columns
by their model merges. It ends when all 40,000 posts are stored.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sqlite3
import sys
import threading
import time
import traceback
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app import paths
from app.model import Account
from app.providers import load_providers
from app.providers.base import Provider, factory_for
from app.services import Services
from app.settings import Settings
from app.store import Store
from app.ui.gc_guard import MainThreadCollector
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from tests.bench import ui_data
from tests.bench.ui_data import COLUMNS, DeckServer

TICK_MS = 5
TICK_DRIVER = 0.05
BURSTS = 20
BURST_EVERY = 0.5
HISTORY = 0.9
TIMEOUT = 170.0


class ServerProviders:
    """A ProviderSource as AccountProviders builds them (one per account, kept), on the
    fake server's transport and with its tokens instead of the keyring."""

    def __init__(self, server: DeckServer) -> None:
        self.server = server
        self._providers: dict[str, Provider] = {}

    async def provider(self, account: Account) -> Provider:
        found = self._providers.get(account.id)
        if found is not None:
            return found
        factory = factory_for(account.network)
        assert factory is not None
        token = self.server.token(account.handle)

        async def get_token() -> str:
            return token

        async def save_token(_: str) -> None:
            return None

        found = factory.create(
            account, client=self.server.client(), get_token=get_token, save_token=save_token
        )
        self._providers[account.id] = found
        return found

    async def forget(self, account_id: str) -> None:
        provider = self._providers.pop(account_id, None)
        if provider is not None:
            await provider.aclose()

    async def aclose(self) -> None:
        for account_id in list(self._providers):
            await self.forget(account_id)


class LateTimer:
    """A repeating 5 ms precise QTimer; records how much later than due each tick came."""

    def __init__(self) -> None:
        self.late: list[float] = []  # seconds
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.last = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self.last - TICK_MS / 1000))
        self.last = now


class StallSampler:
    """What the UI thread is doing while the timer is late: a thread samples the main
    thread's Python stack every 2 ms while no tick has come for 20 ms (a poor man's
    py-spy), tallies the innermost app frames, and keeps the longest stalls' samples."""

    def __init__(self, timer: LateTimer) -> None:
        self._timer = timer
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.samples: Counter[str] = Counter()
        self.episodes: list[tuple[float, Counter[str]]] = []

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        episode: Counter[str] = Counter()
        began = 0.0
        while not self._stop.wait(0.002):
            last = self._timer.last
            late = time.perf_counter() - last
            if late < 0.02:
                if episode:
                    self.episodes.append((time.perf_counter() - began, episode))
                    self.episodes = sorted(self.episodes, key=lambda e: -e[0])[:5]
                    episode = Counter()
                continue
            began = last
            frame = sys._current_frames().get(self._main or 0)
            stack = traceback.extract_stack(frame) if frame is not None else []
            ours = [f"{Path(f.filename).stem}.{f.name}" for f in stack if _ours(f.filename)]
            where = " > ".join(ours[-3:]) if ours else "(Qt or a library)"
            self.samples[where] += 1
            episode[where] += 1

    def top(self, n: int = 8) -> list[tuple[str, int]]:
        return self.samples.most_common(n)

    def worst(self) -> list[tuple[int, list[tuple[str, int]]]]:
        return [(round(t * 1000), c.most_common(4)) for t, c in self.episodes[:3]]


def _ours(filename: str) -> bool:
    return any(part in filename for part in ("/app/", "/columns/"))


def stall(per_column: int = 5000) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    collector = MainThreadCollector(app)
    collector.start()
    now = datetime.now(UTC)
    prepared = time.perf_counter()
    server = DeckServer(start=now)
    ui_data.fill(server, per_column, end=now - timedelta(minutes=3))
    server.prerender()
    ids = sorted([*server.statuses, *server.media])
    ids += sorted(str(n["id"]) for notes in server.notifications.values() for n in notes)
    ids.sort()
    cut = int(len(ids) * HISTORY)
    bursts = [ids[cut + (len(ids) - cut) * (i + 1) // BURSTS - 1] for i in range(BURSTS)]
    server.release(ids[cut - 1])
    store = Store.open(paths.database_path("default"))
    load_providers()
    for account in ui_data.accounts(server):
        store.upsert_account(account)
    for column in COLUMNS:
        store.add_column(column.spec(), width=column.width)
    # The fake server's 40,000 rendered statuses are millions of objects the app would not
    # have: frozen, the app's full collections walk only what the app itself holds.
    gc.collect()
    gc.freeze()
    setup = time.perf_counter() - prepared
    result: dict[str, object] = qasync.run(ingest(store, server, bursts, per_column))
    result["setup_s"] = round(setup, 1)
    collector.stop()
    return result


async def ingest(
    store: Store, server: DeckServer, bursts: list[str], per_column: int
) -> dict[str, object]:
    services = Services.create(store, ServerProviders(server))
    window = MainWindow(
        store=store, services=services, settings=Settings(store), bridge=MessageBridge()
    )
    window.resize(*ui_data.WINDOW_SIZE)
    window.show()
    await asyncio.sleep(0.4)  # app.main's SETTLE_SECONDS
    keys = [c.feed().key for c in COLUMNS]
    wanted = per_column * len(COLUMNS)
    counter = sqlite3.connect(paths.database_path("default"))
    timer = LateTimer()
    timer.start()
    sampler = StallSampler(timer)
    sampler.start()
    started = time.perf_counter()
    services.sync.start(window.wanted_feeds())
    next_burst = started + BURST_EVERY
    stored = 0
    while time.perf_counter() - started < TIMEOUT:
        await asyncio.sleep(TICK_DRIVER)
        for view in window.deck.columns():
            view.controller.load_older()  # one at a time per column: it ignores the rest
        if time.perf_counter() >= next_burst:  # a burst, then Refresh all (F5)
            if bursts:
                server.release(bursts.pop(0))
            window.refresh_all()
            next_burst = time.perf_counter() + BURST_EVERY
        stored = counted(counter, keys)
        if not bursts and stored >= wanted:
            break
    shown = [view.controller.model.rowCount() for view in window.deck.columns()]
    took = time.perf_counter() - started
    timer.stop()
    sampler.stop()
    counter.close()
    late = sorted(timer.late)
    window.close()
    await window.aclose()
    await services.sync.aclose()
    store.close()
    return {
        "max_late_ms": late[-1] * 1000,
        "p99_late_ms": late[int(len(late) * 0.99)] * 1000,
        "over_50ms": sum(1 for t in late if t > 0.05),
        "ticks": len(late),
        "seconds": round(took, 1),
        "stored": stored,
        "shown": shown,
        "requests": len(server.requests),
        "complete": stored >= wanted,
        "stalled_in": sampler.top(),
        "worst": sampler.worst(),
    }


def counted(connection: sqlite3.Connection, keys: list[str]) -> int:
    marks = ",".join("?" * len(keys))
    row: Any = connection.execute(
        f"SELECT count(*) FROM feed_items WHERE feed_key IN ({marks})",
        keys,
    ).fetchone()
    return int(row[0])


if __name__ == "__main__":
    print(stall(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
