"""app.credentials: the real Secret Service (marked `keyring`) and refusal of unsafe backends."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar, TypeVar

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import keyring.errors
import pytest

from app import credentials, logs
from app.credentials import CredentialsError, KeyringUnavailable, SecretMissing

log = logging.getLogger("pantau.test_credentials")


def token() -> str:
    return "tok-" + uuid.uuid4().hex + "-Zz9"


def files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


@pytest.fixture
def account_id() -> Iterator[str]:
    """A fresh account id; its keyring entry, if any, is removed afterwards."""
    account = f"test-{uuid.uuid4().hex}@mastodon.example"
    yield account
    if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
        return
    with contextlib.suppress(CredentialsError):  # the test's own failure is the news
        asyncio.run(credentials.forget_secret(account))


UseBackend = Callable[[keyring.backend.KeyringBackend], None]


@pytest.fixture
def use_backend() -> Iterator[UseBackend]:
    """A function that makes a backend the active one; the previous one comes back after."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


Backend = TypeVar("Backend", bound=type[keyring.backend.KeyringBackend])


def unregistered(cls: Backend) -> Backend:
    """Keep a test backend out of keyring's registry of every subclass ever defined.

    Otherwise keyring's own discovery would chain it next to the Secret Service, and the
    real-keyring tests would be testing a dict.
    """
    keyring.backend.KeyringBackend._classes.discard(cls)
    return cls


@unregistered
class MemoryKeyring(keyring.backend.KeyringBackend):
    """A well-behaved in-process store for error-path tests that need a working backend."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.threads: set[int] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.add(threading.get_ident())
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.add(threading.get_ident())
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.add(threading.get_ident())
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


@unregistered
class PlaintextLikeKeyring(MemoryKeyring):
    """Stands for keyrings.alt's file backends, whose priority is below 1 on purpose."""

    priority = 0.5  # type: ignore[assignment]


@unregistered
class LeakyKeyring(MemoryKeyring):
    """A backend whose errors quote the password, as no backend should."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"cannot store {password!r} for {username}")


@unregistered
class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


@unregistered
class EmptyChainer(keyring.backends.chainer.ChainerBackend):
    """What keyring's chainer is when it finds no backend at all."""

    backends: ClassVar[list[keyring.backend.KeyringBackend]] = []


@unregistered
class WeakChainer(keyring.backends.chainer.ChainerBackend):
    """A chainer that would hand some reads or writes to a plaintext-like file store."""

    backends: ClassVar[list[keyring.backend.KeyringBackend]] = [
        MemoryKeyring(),
        PlaintextLikeKeyring(),
    ]


# --- The real Secret Service (gnome-keyring in ./scripts/test.sh's D-Bus session) ---


@pytest.mark.keyring
def test_secret_service_backend_is_active_and_usable() -> None:
    backend = keyring.get_keyring()
    # The real thing, not a chainer that could also hold a test double or a file store.
    assert isinstance(backend, keyring.backends.SecretService.Keyring), backend
    credentials.check_backend()
    asyncio.run(credentials.check_backend_async())


@pytest.mark.keyring
def test_store_read_forget_round_trip(account_id: str) -> None:
    secret = token()
    asyncio.run(credentials.store_secret(account_id, secret))
    assert asyncio.run(credentials.read_secret(account_id)) == secret
    # One entry per account, under the service name and the key of entry_name().
    assert keyring.get_password("Pantau", credentials.entry_name(account_id)) == secret

    replacement = token()
    asyncio.run(credentials.store_secret(account_id, replacement))
    assert asyncio.run(credentials.read_secret(account_id)) == replacement

    asyncio.run(credentials.forget_secret(account_id))
    with pytest.raises(SecretMissing) as caught:
        asyncio.run(credentials.read_secret(account_id))
    assert caught.value.account_id == account_id
    asyncio.run(credentials.forget_secret(account_id))  # forgetting twice is fine


@pytest.mark.keyring
def test_accounts_do_not_share_secrets(account_id: str) -> None:
    other = f"{account_id}-other"
    try:
        asyncio.run(credentials.store_secret(account_id, "first-secret-value"))
        asyncio.run(credentials.store_secret(other, "second-secret-value"))
        asyncio.run(credentials.forget_secret(other))
        assert asyncio.run(credentials.read_secret(account_id)) == "first-secret-value"
    finally:
        asyncio.run(credentials.forget_secret(other))


@pytest.mark.keyring
def test_log_file_never_contains_the_token(tmp_path: Path, account_id: str) -> None:
    log_file = logs.setup_logging(tmp_path / "log", level=logging.DEBUG, console=False)
    try:
        secret = token()
        asyncio.run(credentials.store_secret(account_id, secret))
        read = asyncio.run(credentials.read_secret(account_id))
        log.info("token for %s is %s", account_id, read)
        log.info("GET /api/v1/timelines/home headers={'Authorization': 'Bearer %s'}", read)
        log.debug("Authorization: Bearer %s", "unregistered-bearer-value-42")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
    finally:
        logs.setup_logging(tmp_path / "log-after", console=False)
    assert f"token for {account_id} is [redacted]" in text
    assert secret not in text
    assert "unregistered-bearer-value-42" not in text
    assert "Stored the secret of account" in text


# --- Backends that must be refused (no daemon needed) ---


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextLikeKeyring()],
    ids=["fail", "null", "low-priority"],
)
def test_unsafe_backends_are_refused(
    backend: keyring.backend.KeyringBackend,
    use_backend: UseBackend,
    account_id: str,
    pantau_home: Path,
    tmp_path: Path,
) -> None:
    use_backend(backend)
    with pytest.raises(KeyringUnavailable, match="Install and unlock GNOME Keyring or KWallet"):
        credentials.check_backend()
    secret = token()
    with pytest.raises(KeyringUnavailable) as caught:
        asyncio.run(credentials.store_secret(account_id, secret))
    assert secret not in str(caught.value)
    assert secret not in repr(caught.value)
    # Refused means refused: no fallback file anywhere, not even an encrypted one.
    pantau_home.mkdir(parents=True, exist_ok=True)
    assert files_containing(pantau_home, secret) == []
    assert files_containing(tmp_path, secret) == []
    if isinstance(backend, MemoryKeyring):
        assert backend.entries == {}


def test_chainer_without_backends_is_refused(use_backend: UseBackend) -> None:
    use_backend(EmptyChainer())
    with pytest.raises(KeyringUnavailable, match="no backend to chain"):
        credentials.check_backend()


def test_chainer_with_a_weak_backend_is_refused(use_backend: UseBackend) -> None:
    use_backend(WeakChainer())
    with pytest.raises(KeyringUnavailable, match="weak backends"):
        credentials.check_backend()


def test_locked_store_is_unavailable(use_backend: UseBackend) -> None:
    use_backend(LockedKeyring())
    with pytest.raises(KeyringUnavailable, match="did not answer"):
        credentials.check_backend()


def test_read_from_fail_backend_says_unavailable(use_backend: UseBackend, account_id: str) -> None:
    use_backend(keyring.backends.fail.Keyring())
    with pytest.raises(KeyringUnavailable) as caught:
        asyncio.run(credentials.read_secret(account_id))
    assert caught.value.account_id == account_id


# --- The API itself, on an in-memory backend ---


def test_keyring_runs_off_the_event_loop_thread(use_backend: UseBackend, account_id: str) -> None:
    backend = MemoryKeyring()
    use_backend(backend)

    async def flow() -> int:
        await credentials.store_secret(account_id, "secret-in-memory")
        assert await credentials.read_secret(account_id) == "secret-in-memory"
        await credentials.forget_secret(account_id)
        return threading.get_ident()

    loop_thread = asyncio.run(flow())
    assert backend.threads
    assert loop_thread not in backend.threads
    assert backend.entries == {}


def test_errors_never_carry_the_secret(
    use_backend: UseBackend, account_id: str, tmp_path: Path
) -> None:
    use_backend(LeakyKeyring())
    secret = token()
    log_file = logs.setup_logging(tmp_path / "log", level=logging.DEBUG, console=False)
    try:
        with pytest.raises(CredentialsError) as caught:
            asyncio.run(credentials.store_secret(account_id, secret))
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
    finally:
        logs.setup_logging(tmp_path / "log-after", console=False)
    error = caught.value
    assert type(error) is CredentialsError
    assert error.account_id == account_id
    assert secret not in str(error)
    assert secret not in repr(error)
    assert error.__cause__ is None
    assert error.__suppress_context__
    # The backend's own leaky message reached the debug log only after redaction.
    assert "PasswordSetError" in text
    assert secret not in text


def test_secret_missing_names_the_account() -> None:
    error = SecretMissing("humas@mastodon.go.id")
    assert isinstance(error, CredentialsError)
    assert error.account_id == "humas@mastodon.go.id"
    assert "humas@mastodon.go.id" in str(error)


def test_entry_name_is_the_account_id() -> None:
    assert credentials.SERVICE == "Pantau"
    assert credentials.entry_name("acc-1") == "acc-1"
    with pytest.raises(ValueError, match="empty"):
        credentials.entry_name("")


def test_empty_secret_is_refused(account_id: str) -> None:
    with pytest.raises(ValueError, match="empty secret"):
        asyncio.run(credentials.store_secret(account_id, ""))
