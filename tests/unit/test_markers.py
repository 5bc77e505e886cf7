"""Read positions and Mastodon markers: saved when the admin reads, adopted when newer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.markers import ReadMarkers
from app.model import ColumnSpec, FeedKind, FeedSpec
from app.providers import mastodon_parse as mp
from app.providers.base import ParseError
from app.store import Store
from app.sync import SyncEngine
from tests.mastodon_server import FakeMastodon
from tests.unit.test_mastodon_parse import body
from tests.unit.test_mastodon_provider import ACCOUNT_ID, Providers, account, provider_for, run

HOME = FeedSpec(ACCOUNT_ID, FeedKind.HOME)
MENTIONS = FeedSpec(ACCOUNT_ID, FeedKind.MENTIONS)
TAG = FeedSpec(ACCOUNT_ID, FeedKind.TAG, tags=("KemalaJateng",))


class Deck:
    """A store with the account, its feeds fetched once, and the markers service."""

    def __init__(self, server: FakeMastodon, tmp_path: Path) -> None:
        self.server = server
        self.store = Store.open(tmp_path / "cache.sqlite")
        self.store.upsert_account(account(server))
        providers = Providers(provider_for(server))
        self.sync = SyncEngine(store=self.store, providers=providers)
        self.markers = ReadMarkers(store=self.store, providers=providers)
        self.admin = server.users["lpse_admin"].id

    def fetch(self, *feeds: FeedSpec) -> None:
        assert run(self.sync.refresh(list(feeds))) == {}

    def column(self, kind: str) -> int:
        column_id = self.store.add_column(ColumnSpec(kind, ACCOUNT_ID)).spec.id
        assert column_id is not None
        return column_id

    def marker(self, timeline: str) -> str | None:
        marker = self.server.markers.get(self.admin, {}).get(timeline)
        return None if marker is None else str(marker["last_read_id"])


@pytest.fixture
def deck(tmp_path: Path) -> Deck:
    server = FakeMastodon()
    for i in range(4):
        server.post_as("warga1", f"laporan {i} @lpse_admin #KemalaJateng")
    deck = Deck(server, tmp_path)
    deck.fetch(HOME, MENTIONS)
    return deck


def test_reading_home_saves_the_home_marker_at_the_post_read_down_to(deck: Deck) -> None:
    entries = deck.store.feed_entries([HOME.key], before=None, limit=10)
    run(deck.markers.push([HOME], entries[1].key))
    assert deck.marker("home") == entries[1].post.remote_id
    assert deck.marker("notifications") is None


def test_reading_mentions_saves_the_notification_id_not_the_status_id(deck: Deck) -> None:
    top = deck.store.feed_entries([MENTIONS.key], before=None, limit=1)[0]
    run(deck.markers.push([MENTIONS], top.key))
    newest_notification = deck.server.notifications[deck.admin][0]
    assert deck.marker("notifications") == newest_notification["id"]
    assert deck.marker("notifications") != top.post.remote_id


def test_a_feed_without_a_server_marker_sends_nothing(deck: Deck) -> None:
    deck.fetch(TAG)
    top = deck.store.feed_entries([TAG.key], before=None, limit=1)[0]
    before = len(deck.server.requests)
    run(deck.markers.push([TAG], top.key))
    assert len(deck.server.requests) == before
    assert deck.server.markers == {}


def test_a_newer_marker_from_another_device_moves_the_position_forward(deck: Deck) -> None:
    column = deck.column("home")
    entries = deck.store.feed_entries([HOME.key], before=None, limit=10)
    deck.store.set_read_position(column, entries[3].key)
    # The admin read further in the web interface.
    run(deck.markers.push([HOME], entries[1].key))
    assert run(deck.markers.pull(column, [HOME])) == entries[1].key
    assert deck.store.read_position(column) == entries[1].key


def test_an_older_marker_never_moves_the_position_back(deck: Deck) -> None:
    column = deck.column("home")
    entries = deck.store.feed_entries([HOME.key], before=None, limit=10)
    run(deck.markers.push([HOME], entries[2].key))
    deck.store.set_read_position(column, entries[0].key)
    assert run(deck.markers.pull(column, [HOME])) is None
    assert deck.store.read_position(column) == entries[0].key


def test_a_marker_on_a_post_not_cached_is_ignored(deck: Deck) -> None:
    column = deck.column("mentions")
    deck.server.markers[deck.admin] = {
        "notifications": {"last_read_id": "999999", "version": 0, "updated_at": ""}
    }
    assert run(deck.markers.pull(column, [MENTIONS])) is None
    assert deck.store.read_position(column) is None


@pytest.mark.log_warnings
def test_a_marker_that_could_not_be_saved_is_saved_on_the_next_pull(
    deck: Deck, caplog: pytest.LogCaptureFixture
) -> None:
    column = deck.column("home")
    top = deck.store.feed_entries([HOME.key], before=None, limit=1)[0]
    deck.server.fail_next(status=503, path="/api/v1/markers")
    with caplog.at_level(logging.INFO, logger="app.markers"):
        run(deck.markers.push([HOME], top.key))
    assert deck.marker("home") is None
    assert "saving markers" in caplog.text
    run(deck.markers.pull(column, [HOME]))
    assert deck.marker("home") == top.post.remote_id


def test_markers_parse_the_recorded_gotosocial_answers() -> None:
    assert mp.parse_markers(body(65), account_id="a") == {}
    assert mp.parse_markers(body(67), account_id="a") == {
        "home": "01M846HWZTT1JXSP95RPVD7YQX",
        "notifications": "01M846HYGCCQT37SH8J4Z4JQA2",
    }
    with pytest.raises(ParseError, match="last_read_id"):
        mp.parse_markers({"home": {"version": 1}}, account_id="a")
    with pytest.raises(ParseError):
        mp.parse_markers([], account_id="a")
