"""A Pantau window that types a reply and then waits to be killed, for the draft crash test:
`python -m tests.compose_child <cache file> <post remote id> <text>`. It prints "typed" once
the typing has been given time to save (the compose window saves 0.4 s after the last key)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.model import EntryKind
from app.store import Store
from app.ui.compose_dialog import ComposeDialog, ReplyTarget


def main(path: Path, remote_id: str, text: str) -> None:
    app = QApplication(sys.argv[:1])
    store = Store.open(path)
    keys = [str(r[0]) for r in store.db.conn.execute("SELECT DISTINCT feed_key FROM feed_items")]
    entry = next(
        e
        for e in store.feed_entries(keys, before=None, limit=500)
        if e.kind is EntryKind.POST and e.post.remote_id == remote_id
    )
    account = store.account(entry.post.account_id)
    assert account is not None
    dialog = ComposeDialog(store=store, sender=None, accounts=[account], reply=ReplyTarget(entry))
    dialog.show()
    dialog.editor.clear()
    for char in text:  # typed key by key; QTest only has keys for ASCII
        if char.isascii():
            QTest.keyClicks(dialog.editor, char)
        else:
            dialog.editor.insertPlainText(char)
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < 1000:
        app.processEvents()
        time.sleep(0.01)
    print("typed", flush=True)
    time.sleep(120)  # the test kills us here


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
