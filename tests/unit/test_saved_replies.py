"""Saved replies without Qt: placeholders, the /keyword token, the shared file, the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import saved_replies as sr
from app.model import SavedReply
from app.store import Store
from app.store_local import DuplicateKeyword


def test_known_placeholders_are_filled_and_the_rest_stay_for_the_admin() -> None:
    body = "Halo {nama} ({akun}), hubungi {telepon} sebelum {tanggal}."
    filled = sr.fill(body, {"nama": "Budi", "akun": "@budi", "tanggal": "23 November 2026"})
    assert filled == "Halo Budi (@budi), hubungi {telepon} sebelum 23 November 2026."
    assert sr.first_placeholder(filled) == (filled.index("{telepon}"), filled.index(" sebelum"))
    assert sr.fill("Halo {nama}", {"nama": ""}) == "Halo {nama}"  # unknown name: left to type


def test_the_keyword_before_the_cursor() -> None:
    assert sr.keyword_before("Terima kasih. /Daftar", 21) == (14, "daftar")
    assert sr.keyword_before("/sandi", 6) == (0, "sandi")
    assert sr.keyword_before("lihat https://a.b/c", 19) is None  # a path in a link is no keyword
    assert sr.keyword_before("/daftar lagi", 12) is None  # only right before the cursor


def test_export_then_import_gives_the_same_set() -> None:
    text = sr.export_text(sr.DEFAULTS)
    assert json.loads(text)["kind"] == "pantau-saved-replies"
    assert sr.import_text(text) == list(sr.DEFAULTS)


@pytest.mark.parametrize(
    ("text", "problem", "entry"),
    [
        ("not json {", sr.FileProblem.NOT_JSON, 0),
        ('{"kind": "something-else", "version": 1, "replies": []}', sr.FileProblem.NOT_OURS, 0),
        ('{"kind": "pantau-saved-replies", "version": 9, "replies": []}', sr.FileProblem.NEWER, 0),
        (
            '{"kind": "pantau-saved-replies", "version": 1, "replies": ['
            '{"keyword": "ok", "title": "", "body": "x"}, {"keyword": "bad word", "body": "y"}]}',
            sr.FileProblem.BAD_ENTRY,
            2,
        ),
        (
            '{"kind": "pantau-saved-replies", "version": 1, "replies": [{"keyword": "k", '
            '"title": "t", "body": "   "}]}',
            sr.FileProblem.BAD_ENTRY,
            1,
        ),
    ],
)
def test_unusable_files_say_why(text: str, problem: sr.FileProblem, entry: int) -> None:
    with pytest.raises(sr.UnreadableFile) as raised:
        sr.import_text(text)
    assert raised.value.problem is problem
    assert raised.value.entry == entry


def test_the_store_keeps_one_reply_per_keyword_whatever_its_case(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "pantau.sqlite3")
    try:
        first = store.save_saved_reply(SavedReply("daftar", "Daftar", "Halo {nama}"))
        with pytest.raises(DuplicateKeyword):
            store.save_saved_reply(SavedReply("DAFTAR", "Lagi", "teks"))
        store.save_saved_reply(SavedReply("daftar", "Daftar baru", "Halo lagi", first))
        assert store.saved_replies() == [SavedReply("daftar", "Daftar baru", "Halo lagi", first)]
        store.delete_saved_reply(first)
        assert store.saved_replies() == []
    finally:
        store.close()
