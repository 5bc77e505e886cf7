"""Small builders of model objects for tests."""

from __future__ import annotations

from datetime import UTC, datetime

from app.model import Account, Network, Person, Post


def make_person(handle: str = "warga1", *, network: Network = Network.MASTODON) -> Person:
    return Person(network, f"id-{handle}", handle, handle.title(), instance="sosmed.example")


def make_post(
    *,
    remote_id: str = "1",
    text: str = "Jalan di Kudus berlubang #KemalaJateng",
    created_at: datetime | None = None,
    account_id: str = "acct-1",
    author: Person | None = None,
    url: str = "https://sosmed.example/@warga1/1",
    network: Network = Network.MASTODON,
) -> Post:
    return Post(
        network=network,
        remote_id=remote_id,
        account_id=account_id,
        author=author or make_person(network=network),
        created_at=created_at or datetime(2026, 11, 23, 5, 0, tzinfo=UTC),
        html=f"<p>{text}</p>",
        text=text,
        url=url,
        instance="sosmed.example" if network is Network.MASTODON else "",
    )


def make_account(account_id: str = "acct-1", network: Network = Network.MASTODON) -> Account:
    return Account(
        id=account_id,
        network=network,
        handle="lpse",
        display_name="LPSE Jawa Tengah",
        server="https://sosmed.example",
    )
