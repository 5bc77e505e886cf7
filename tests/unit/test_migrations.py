"""Schema migrations: a version-1 file upgrades in place and its posts become searchable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from app import schema
from app.store import Store


def write_v1_file(path: Path) -> None:
    """A cache as Pantau with only migration 1 wrote it, filled with plain SQL."""
    db = sqlite_utils.Database(path, execute_plugins=False)
    assert schema.migrate(db, target=1) == 1
    conn = db.conn
    with db.atomic():
        conn.execute(
            "INSERT INTO people (id, network, instance, remote_id, handle, display_name) "
            "VALUES (1, 'mastodon', 'mastodon.go.id', '101', 'humas', 'Humas Jatèng')"
        )
        conn.execute(
            """INSERT INTO posts (id, network, instance, remote_id, account_id, author_id,
                created_at, sort_key, html, text, media_json)
            VALUES (7, 'mastodon', 'mastodon.go.id', '55', 'acc', 1,
                '2026-08-17T09:00:00.000000+00:00', 1786957200000,
                '<p>Jalan rusak</p>', 'Jalan rusak di Kendal', ?)""",
            (json.dumps([{"kind": "image", "url": "https://m/1.png"}]),),
        )
        conn.execute(
            "INSERT INTO feed_items (feed_key, post_id, sort_key) "
            "VALUES ('acc|home', 7, 1786957200000)"
        )
        conn.execute(
            "INSERT INTO feeds (feed_key, last_refreshed_at) "
            "VALUES ('acc|home', '2026-08-17T09:05:00.000000+00:00')"
        )
    db.close()


def test_v1_file_upgrades_and_becomes_searchable(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    write_v1_file(path)
    store = Store.open(path)
    assert store.schema_version == schema.LATEST
    (entry,) = store.feed_entries(["acc|home"], before=None, limit=10)
    assert entry.entry_id == 7
    assert entry.post.text == "Jalan rusak di Kendal"
    assert entry.post.media[0].url == "https://m/1.png"
    assert [e.entry_id for e in store.search_entries("kendal", [], before=None, limit=5)] == [7]
    assert [e.entry_id for e in store.search_entries("jateng", [], before=None, limit=5)] == [7]
    store.db.conn.execute(
        "INSERT INTO post_search (post_search, rank) VALUES ('integrity-check', 1)"
    )
    # v3: old items know no remote entry id, so they give no read marker.
    assert store.feed_item_at("acc|home", entry.key) is None
    store.close()


def test_failed_migration_leaves_the_file_at_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.sqlite3"
    write_v1_file(path)
    broken = (*schema.MIGRATIONS[1], "THIS IS NOT SQL")
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    db = sqlite_utils.Database(path, execute_plugins=False)
    with pytest.raises(Exception, match="syntax error"):
        schema.migrate(db)
    assert schema.version(db) == 1
    assert not db["post_search"].exists()
    db.close()


def test_migrate_is_a_no_op_when_current(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "cache.sqlite3", execute_plugins=False)
    assert schema.migrate(db) == schema.LATEST
    assert schema.migrate(db) == schema.LATEST
    db.close()


def test_newer_file_is_refused(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "cache.sqlite3", execute_plugins=False)
    db.execute(f"PRAGMA user_version = {schema.LATEST + 3}")
    with pytest.raises(schema.NewerSchemaError):
        schema.migrate(db)
    db.close()
