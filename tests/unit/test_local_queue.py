"""Pantau's own schedule (Bluesky, X): due posts go out exactly once, whatever step a crash
interrupts; missed posts wait for the admin; failures keep the post."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from app.model import (
    Account,
    Attachment,
    Draft,
    Network,
    OutboxState,
    Post,
    ScheduledPost,
    ScheduleState,
)
from app.providers.base import Offline, Rejected, SupportsMedia
from app.scheduler import MISSED, Scheduler, local_key
from app.store import Store
from tests.factories import make_post
from tests.fakes import FakeProvider, FakeProviders

T = TypeVar("T")
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
ACCOUNT = Account("bluesky:did:plc:lpse", Network.BLUESKY, "lpse.bsky.social", "LPSE")


class Crash(BaseException):
    """The process dies here (SIGKILL): nothing after it runs, not even except blocks."""


class Server(FakeProvider):
    """Counts what lands; a retry (retry_since) finds a post an earlier attempt made, as
    the Bluesky provider does through the account's newest records."""

    def __init__(self) -> None:
        super().__init__(ACCOUNT)
        self.posts: list[Post] = []
        self.crash_after_post = False

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        if self.error is not None:
            raise self.error
        if retry_since is not None:
            found = [p for p in self.posts if p.text == draft.text]
            if found:
                return found[0]
        post = make_post(remote_id=f"at://post/{len(self.posts) + 1}", text=draft.text)
        self.posts.append(post)
        if self.crash_after_post:
            self.crash_after_post = False
            raise Crash  # the server did the work; the answer never comes back
        return post


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "pantau.sqlite3")
    opened.upsert_account(ACCOUNT)
    yield opened
    opened.close()


@pytest.fixture
def server() -> Server:
    return Server()


def scheduler(store: Store, server: Server, now: datetime = NOW) -> Scheduler:
    """A fresh one per "process": nothing carried over but the store."""
    return Scheduler(store=store, providers=FakeProviders({ACCOUNT.id: server}), clock=lambda: now)


def schedule(store: Store, text: str, at: datetime) -> ScheduledPost:
    post = ScheduledPost(0, ACCOUNT.id, text, at)
    return ScheduledPost(store.add_scheduled(post), ACCOUNT.id, text, at)


def state(store: Store, post: ScheduledPost) -> ScheduledPost:
    found = store.scheduled_post(post.id)
    assert found is not None
    return found


def test_a_due_post_goes_out_once_and_is_marked_sent(store: Store, server: Server) -> None:
    due = schedule(store, "Pengumuman: SPSE libur Sabtu", NOW - timedelta(seconds=30))
    later = schedule(store, "Besok pagi", NOW + timedelta(hours=12))
    report = run(scheduler(store, server).send_due())
    assert [p.id for p in report.sent] == [due.id]
    assert [p.text for p in server.posts] == ["Pengumuman: SPSE libur Sabtu"]
    assert state(store, due).state is ScheduleState.SENT
    assert state(store, due).remote_id == "at://post/1"
    assert state(store, later).state is ScheduleState.PENDING
    assert store.next_local_time() == later.scheduled_at
    run(scheduler(store, server).send_due())  # again: nothing more goes out
    assert len(server.posts) == 1


def test_a_crash_after_the_server_posted_is_not_a_second_post(store: Store, server: Server) -> None:
    due = schedule(store, "Rapat koordinasi pukul 09.00", NOW)
    server.crash_after_post = True
    with pytest.raises(Crash):
        run(scheduler(store, server).send_due())
    [item] = store.outbox()
    assert item.state is OutboxState.SENDING  # what the dead process left
    run(scheduler(store, server).send_due())  # the next start
    assert len(server.posts) == 1
    assert state(store, due).state is ScheduleState.SENT
    assert store.outbox_item(local_key(due)).state is OutboxState.SENT  # type: ignore[union-attr]


def test_a_crash_before_the_send_sends_on_the_next_start(
    store: Store, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    due = schedule(store, "Cek email verifikasi", NOW)
    with monkeypatch.context() as patched:

        async def dies(*_args: object, **_kwargs: object) -> Post:
            raise Crash

        patched.setattr(server, "publish", dies)
        with pytest.raises(Crash):
            run(scheduler(store, server).send_due())
    run(scheduler(store, server).send_due())
    assert [p.text for p in server.posts] == ["Cek email verifikasi"]
    assert state(store, due).state is ScheduleState.SENT


def test_a_crash_after_the_outbox_recorded_it_only_marks_the_post(
    store: Store, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    due = schedule(store, "Layanan helpdesk 08.00-16.00", NOW)
    original = store.set_scheduled_state

    def dies(scheduled_id: int, new: ScheduleState, **kwargs: str) -> None:
        if new is ScheduleState.SENT:
            raise Crash
        original(scheduled_id, new, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(store, "set_scheduled_state", dies)
        with pytest.raises(Crash):
            run(scheduler(store, server).send_due())
    assert store.outbox_item(local_key(due)).state is OutboxState.SENT  # type: ignore[union-attr]
    run(scheduler(store, server).send_due())
    assert len(server.posts) == 1
    assert state(store, due).state is ScheduleState.SENT


def test_a_post_that_missed_its_time_waits_for_the_admin(store: Store, server: Server) -> None:
    missed = schedule(store, "Pengumuman kemarin", NOW - timedelta(hours=20))
    report = run(scheduler(store, server).send_due())
    assert [p.id for p in report.missed] == [missed.id]
    assert server.posts == []
    held = state(store, missed)
    assert held.state is ScheduleState.FAILED
    assert held.error == MISSED
    assert run(scheduler(store, server).send_due()).missed == ()  # asked once, not each pass
    sent = run(scheduler(store, server).send_now(missed.id))
    assert isinstance(sent, ScheduledPost)
    assert [p.text for p in server.posts] == ["Pengumuman kemarin"]
    assert state(store, missed).state is ScheduleState.SENT


def test_missed_after_none_sends_late_posts_too(store: Store, server: Server) -> None:
    schedule(store, "Terlambat", NOW - timedelta(hours=2))
    assert len(run(scheduler(store, server).send_due(missed_after=None)).sent) == 1


def test_a_temporary_failure_keeps_the_post_and_retries_after_a_pause(
    store: Store, server: Server
) -> None:
    now = datetime.now(UTC)  # the outbox stamps its attempts with the real time
    due = schedule(store, "Gangguan jaringan", now)
    server.error = Offline(ACCOUNT.id, "ConnectError")
    report = run(scheduler(store, server, now).send_due())
    assert [type(e) for _, e in report.failed] == [Offline]
    assert state(store, due).state is ScheduleState.PENDING
    assert state(store, due).error == "Offline"
    server.error = None
    # Right away: still waiting out the pause. A few minutes later: sent, once.
    assert run(scheduler(store, server, now).send_due()).sent == ()
    later = now + timedelta(minutes=3)
    assert len(run(scheduler(store, server, later).send_due()).sent) == 1
    assert len(server.posts) == 1


def test_a_refusal_fails_the_post_with_its_text_kept(store: Store, server: Server) -> None:
    due = schedule(store, "x" * 400, NOW)
    server.error = Rejected(ACCOUNT.id, "too long")
    run(scheduler(store, server).send_due())
    failed = state(store, due)
    assert failed.state is ScheduleState.FAILED
    assert failed.text == "x" * 400


def test_a_changed_post_is_a_new_outbox_item(store: Store, server: Server) -> None:
    due = schedule(store, "Versi pertama", NOW + timedelta(minutes=5))
    changed = run(
        scheduler(store, server).change(due.id, text="Versi kedua", at=NOW - timedelta(seconds=1))
    )
    assert local_key(changed) != local_key(due)
    run(scheduler(store, server).send_due())
    assert [p.text for p in server.posts] == ["Versi kedua"]


def test_posts_on_a_server_queue_are_left_to_the_server(store: Store, server: Server) -> None:
    post = ScheduledPost(0, ACCOUNT.id, "Di server", NOW - timedelta(minutes=1), remote_id="77")
    store.add_scheduled(post)
    assert run(scheduler(store, server).send_due()).sent == ()
    assert server.posts == []


def test_the_runner_sends_when_the_time_comes(store: Store, server: Server) -> None:
    clock = [NOW]
    queue = Scheduler(
        store=store, providers=FakeProviders({ACCOUNT.id: server}), clock=lambda: clock[0]
    )
    schedule(store, "Tepat waktu", NOW + timedelta(seconds=0.2))
    reports: list[object] = []

    async def main() -> None:
        runner = asyncio.ensure_future(
            queue.run_local(reports.append, sleep_max=timedelta(seconds=0.05))
        )
        await asyncio.sleep(0.1)
        assert server.posts == []  # not before its time
        clock[0] = NOW + timedelta(seconds=1)
        for _ in range(100):
            if server.posts:
                break
            await asyncio.sleep(0.02)
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)

    run(main())
    assert [p.text for p in server.posts] == ["Tepat waktu"]
    assert len(reports) == 1


class UploadingServer(Server, SupportsMedia):
    """Also takes uploads, counting them."""

    def __init__(self) -> None:
        super().__init__()
        self.uploads: list[str] = []
        self.media_of: dict[str, tuple[str, ...]] = {}

    async def upload_media(
        self, data: bytes, *, filename: str, mime_type: str, description: str
    ) -> str:
        self.uploads.append(description)
        return f"blob-{len(self.uploads)}"

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        post = await super().publish(
            draft, idempotency_key=idempotency_key, retry_since=retry_since
        )
        self.media_of[post.remote_id] = draft.media_ids
        return post


def test_images_of_a_local_post_are_uploaded_when_it_is_sent(store: Store, tmp_path: Path) -> None:
    photo = tmp_path / "banjir.png"
    photo.write_bytes(b"\x89PNG fake")
    server = UploadingServer()
    post = ScheduledPost(
        0, ACCOUNT.id, "Banjir di Kaligawe", NOW, attachments=(Attachment(str(photo), "Banjir"),)
    )
    post = replace(post, id=store.add_scheduled(post))
    queue = Scheduler(store=store, providers=FakeProviders({ACCOUNT.id: server}), clock=lambda: NOW)
    assert len(run(queue.send_due()).sent) == 1
    assert server.uploads == ["Banjir"]
    assert server.media_of == {"at://post/1": ("blob-1",)}
