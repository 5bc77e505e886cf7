"""A reply typed and then the app killed with SIGKILL: on restart the draft is there, with
its account and reply target, and the compose window brings it back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import demo
from app.model import EntryKind
from app.store import Store
from app.ui.compose_dialog import ComposeDialog, ReplyTarget

ROOT = Path(__file__).resolve().parents[2]


def test_a_typed_reply_survives_kill_9(qtbot: QtBot, tmp_path: Path) -> None:
    cache = tmp_path / "pantau.sqlite3"
    store = Store.open(cache)
    demo.populate(store, now=datetime.now(UTC))
    keys = [str(r[0]) for r in store.db.conn.execute("SELECT DISTINCT feed_key FROM feed_items")]
    entry = next(
        e for e in store.feed_entries(keys, before=None, limit=50) if e.kind is EntryKind.POST
    )
    store.close()
    text = "Terima kasih laporannya, sudah kami teruskan ke Dinas PU 🙏"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.compose_child", str(cache), entry.post.remote_id, text],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().decode().strip() == "typed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    store = Store.open(cache)  # "restart"
    try:
        [draft] = [d for d in store.drafts() if d.in_reply_to == entry.post.remote_id]
        assert draft.text == text
        assert draft.account_id == entry.post.account_id
        account = store.account(draft.account_id)
        assert account is not None
        dialog = ComposeDialog(
            store=store, sender=None, accounts=[account], reply=ReplyTarget(entry)
        )
        qtbot.addWidget(dialog)
        assert dialog.editor.toPlainText() == text
        assert dialog.account() == account
        dialog.close()
    finally:
        store.close()
