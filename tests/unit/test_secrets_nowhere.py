"""A token stored for an account is in the keyring and in no byte of the SQLite cache."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest

from app import credentials, paths
from app.model import Account, Network
from app.store import Store


def files_containing(root: Path, needle: bytes) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.is_file() and needle in p.read_bytes())


@pytest.mark.keyring
def test_token_is_in_the_keyring_and_nowhere_in_the_cache(pantau_home: Path) -> None:
    secret = "tok-" + uuid.uuid4().hex
    account = Account(
        id=f"nowhere-{uuid.uuid4().hex}",
        network=Network.MASTODON,
        handle="humas_secret_test",
        display_name="Humas Jateng",
        server="https://mastodon.example",
    )
    store = Store.open(paths.database_path("default"))
    try:
        store.upsert_account(account)
        asyncio.run(credentials.store_secret(account.id, secret))
        assert asyncio.run(credentials.read_secret(account.id)) == secret
        store.set_account_problem(account.id, "needs attention")
        # While open, the newest rows sit in the -wal file; read it before close folds it in.
        # The handle proves the search looks where the account data really is.
        assert files_containing(pantau_home, account.handle.encode()) != []
        assert files_containing(pantau_home, secret.encode()) == []
    finally:
        store.close()
        try:
            assert files_containing(pantau_home, secret.encode()) == []
            assert paths.database_path("default").stat().st_size > 0
        finally:
            asyncio.run(credentials.forget_secret(account.id))
