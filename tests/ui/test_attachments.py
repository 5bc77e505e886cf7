"""Images in compose: a description per image (a warning without one), kept in the draft,
uploaded once even when sending is retried."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.model import Account, Attachment, Network
from app.outbox import OutboxSender
from app.store import Store
from app.ui.compose_dialog import ComposeDialog
from tests.fakes import FakeProvider, FakeProviders
from tests.mastodon_server import FakeMastodon
from tests.ui.test_mastodon_flow import ServerProviders, _signed_in
from tests.ui.waiting import run_until


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "jalan-rusak.png"
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a6d3b"))
    assert image.save(str(path))
    return path


def test_an_image_goes_out_with_its_description_and_once_despite_a_retry(
    store: Store, qtbot: QtBot, loop: asyncio.AbstractEventLoop, photo: Path
) -> None:
    server = FakeMastodon()
    account = _signed_in(store, server)
    dialog = ComposeDialog(
        store=store,
        sender=OutboxSender(store=store, providers=ServerProviders(server)),
        accounts=[account],
    )
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Jalan berlubang di Jl. Pemuda sudah ditangani Dinas PU.")
    dialog.attachments.add([Attachment(str(photo))])
    assert dialog.attachments.warning.isVisibleTo(dialog)
    assert "1" in dialog.attachments.warning.text()
    [row] = dialog.attachments._rows
    assert not row.thumb.pixmap().isNull()  # the thumbnail shows the picked photo
    row.description.setText("Lubang selebar satu meter di tengah jalan")
    assert not dialog.attachments.warning.isVisibleTo(dialog)

    server.fail_next(status=503, path="/api/v1/statuses")
    dialog.send()
    run_until(loop, lambda: "server" in dialog.problem.text().lower())
    assert len(server.media) == 1
    sent: list[object] = []
    dialog.sent.connect(sent.append)
    dialog.send()  # the retry
    run_until(loop, lambda: bool(sent))
    assert len(server.media) == 1  # not uploaded twice
    [status] = server.statuses.values()
    assert [m["description"] for m in status.media] == ["Lubang selebar satu meter di tengah jalan"]


def test_picked_images_stay_with_the_draft(store: Store, qtbot: QtBot, photo: Path) -> None:
    server = FakeMastodon()
    account = _signed_in(store, server)
    dialog = ComposeDialog(store=store, sender=None, accounts=[account])
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Foto kegiatan")
    dialog.attachments.add([Attachment(str(photo), "Rapat koordinasi")])
    dialog.close()
    again = ComposeDialog(store=store, sender=None, accounts=[account])
    qtbot.addWidget(again)
    assert again.attachments.attachments() == (Attachment(str(photo), "Rapat koordinasi"),)


def test_at_most_four_images(store: Store, qtbot: QtBot, photo: Path) -> None:
    account = _signed_in(store, FakeMastodon())
    dialog = ComposeDialog(store=store, sender=None, accounts=[account])
    qtbot.addWidget(dialog)
    dialog.attachments.add([Attachment(str(photo))] * 6)
    assert len(dialog.attachments.attachments()) == 4
    assert not dialog.attachments.add_button.isEnabled()


def test_a_scheduled_bluesky_post_keeps_its_images_to_upload_when_sent(
    store: Store, qtbot: QtBot, photo: Path, loop: asyncio.AbstractEventLoop
) -> None:
    bluesky = Account("bluesky:did:plc:a", Network.BLUESKY, "a.bsky.social", "A")
    store.upsert_account(bluesky)
    provider = FakeProvider(bluesky)  # no server schedule, so Pantau's own queue
    sender = OutboxSender(store=store, providers=FakeProviders({bluesky.id: provider}))
    dialog = ComposeDialog(store=store, sender=sender, accounts=[bluesky])
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Foto kegiatan besok pagi")
    dialog.attachments.add([Attachment(str(photo), "Aula LPSE")])
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.schedule_box.setChecked(True)
    later = datetime.now(UTC) + timedelta(hours=3)
    dialog.schedule_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
    sent: list[object] = []
    dialog.sent.connect(sent.append)
    dialog.send()  # nothing is uploaded now: Bluesky would drop an unused upload
    run_until(loop, lambda: bool(sent))
    [entry] = store.scheduled_entries([bluesky.id], before=None, limit=5)
    queued = store.scheduled_post(entry.entry_id)
    assert queued is not None
    assert queued.attachments == (Attachment(str(photo), "Aula LPSE"),)
    assert queued.language == "en"
