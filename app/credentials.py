"""The OS keyring: the only code that writes, reads or deletes an account's token."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from typing import TypeVar

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors

from app import logs

log = logging.getLogger(__name__)

SERVICE = "Pantau"
_PROBE_USER = "pantau-probe"
"""Read (never written) to find out whether the keyring answers and is unlocked."""

T = TypeVar("T")


# What a broken or locked store raises. OSError: no D-Bus socket; RuntimeError: keyring's
# NoKeyringError and the priority check of an unavailable backend.
_BACKEND_ERRORS: tuple[type[BaseException], ...] = (
    keyring.errors.KeyringError,
    OSError,
    RuntimeError,
)
try:  # Linux only: the Secret Service client libraries behind keyring
    from jeepney.wrappers import DBusErrorResponse
    from secretstorage.exceptions import SecretStorageException
except ImportError:
    pass
else:
    _BACKEND_ERRORS += (SecretStorageException, DBusErrorResponse)


def _advice() -> str:
    if sys.platform == "win32":
        return "Windows Credential Manager did not answer; sign in to Windows normally and retry."
    if sys.platform == "darwin":
        return "Unlock the macOS Keychain and try again."
    return "Install and unlock GNOME Keyring or KWallet (Secret Service)."


class CredentialsError(Exception):
    """The keyring failed for an account. The UI words it by type; no secret is ever in it."""

    def __init__(self, message: str, *, account_id: str = "") -> None:
        super().__init__(message)
        self.account_id = account_id


class KeyringUnavailable(CredentialsError):
    """No usable secure store: missing, locked, or a backend that would not keep secrets."""


class SecretMissing(CredentialsError):
    """The keyring has no secret for this account (never stored, or removed outside Pantau)."""

    def __init__(self, account_id: str) -> None:
        super().__init__(f"No secret is stored for account {account_id}.", account_id=account_id)


def entry_name(account_id: str) -> str:
    """The keyring user name of an account's secret: the one place the key is built."""
    if not account_id:
        raise ValueError("account_id must not be empty")
    return account_id


def _unavailable(reason: str) -> KeyringUnavailable:
    return KeyringUnavailable(f"No secure password store: {reason}. {_advice()}")


def _check_backend_object(backend: keyring.backend.KeyringBackend) -> None:
    """Refuse backends that cannot or would not keep a secret safely (never a plain file)."""
    name = type(backend).__module__ + "." + type(backend).__qualname__
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        raise _unavailable(f"keyring has no backend ({name})")
    try:
        if isinstance(backend, keyring.backends.chainer.ChainerBackend):
            chained = list(backend.backends)
            if not chained:
                raise _unavailable("keyring found no backend to chain")
            # Every chained store must be a real one, or reads and writes could hit a file.
            weak = [type(b).__qualname__ for b in chained if b.priority < 1]
            if weak:
                raise _unavailable(f"keyring would also use weak backends {weak}")
        elif backend.priority < 1:
            # keyrings.alt's plaintext and file backends sit below 1 on purpose.
            raise _unavailable(f"keyring backend {name} is not a secure store")
    except _BACKEND_ERRORS as exc:
        raise _unavailable(f"keyring backend {name} failed ({type(exc).__name__})") from exc


def check_backend() -> None:
    """Raise KeyringUnavailable unless the active keyring can store secrets right now.

    Blocking: it may open D-Bus or show an unlock prompt; from the event loop use
    `check_backend_async`.
    """
    backend = keyring.get_keyring()
    _check_backend_object(backend)
    try:
        # A read of an entry that never exists: proves the store answers and is unlocked
        # without writing anything.
        backend.get_password(SERVICE, _PROBE_USER)
    except _BACKEND_ERRORS as exc:
        raise _unavailable(f"the store did not answer ({type(exc).__name__})") from exc


async def check_backend_async() -> None:
    """`check_backend` off the event loop's thread."""
    await asyncio.to_thread(check_backend)


def _call(account_id: str, action: str, operation: Callable[[], T]) -> T:
    try:
        return operation()
    except _BACKEND_ERRORS as exc:
        if action == "delete" and isinstance(exc, keyring.errors.PasswordDeleteError):
            raise  # _forget decides whether a missing entry is a failure
        # The library's text stays out of our exception (`from None`): it is not ours to
        # vouch for. The log keeps it, scrubbed of registered secrets.
        log.debug("keyring failed to %s the secret of account %s", action, account_id, exc_info=exc)
        if isinstance(exc, keyring.errors.KeyringLocked):
            error: CredentialsError = _unavailable("the store is locked")
        elif isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
            error = _unavailable(f"keyring has no usable backend ({_kind(exc)})")
        else:
            error = CredentialsError(
                f"The keyring could not {action} the secret of account {account_id} "
                f"({_kind(exc)}).",
            )
        error.account_id = account_id
        raise error from None


def _kind(exc: BaseException) -> str:
    return type(exc).__name__


def _store(account_id: str, secret: str) -> None:
    check_backend()  # refuses before anything is written; keyring itself would not always
    name = entry_name(account_id)
    _call(account_id, "store", lambda: keyring.set_password(SERVICE, name, secret))


def _read(account_id: str) -> str:
    name = entry_name(account_id)
    secret = _call(account_id, "read", lambda: keyring.get_password(SERVICE, name))
    if secret is None:
        raise SecretMissing(account_id)
    logs.register_secret(secret)
    return secret


def _forget(account_id: str) -> None:
    name = entry_name(account_id)
    try:
        _call(account_id, "delete", lambda: keyring.delete_password(SERVICE, name))
    except keyring.errors.PasswordDeleteError:
        # keyring's answer to a missing entry as well as to a failed delete: removal is
        # idempotent, so only a secret that is still there counts as a failure.
        if _call(account_id, "read", lambda: keyring.get_password(SERVICE, name)) is not None:
            raise CredentialsError(
                f"The keyring could not delete the secret of account {account_id}.",
                account_id=account_id,
            ) from None
    log.info("Removed the secret of account %s from the keyring", account_id)


async def store_secret(account_id: str, secret: str) -> None:
    """Store (or replace) the account's secret; KeyringUnavailable if there is no safe store."""
    if not secret:
        raise ValueError("refusing to store an empty secret")
    # Registered before the call, so even a traceback of a failed write is scrubbed.
    logs.register_secret(secret)
    await asyncio.to_thread(_store, account_id, secret)
    log.info("Stored the secret of account %s in the keyring", account_id)


async def read_secret(account_id: str) -> str:
    """The account's secret; SecretMissing if the keyring has none."""
    return await asyncio.to_thread(_read, account_id)


async def forget_secret(account_id: str) -> None:
    """Delete the account's secret; succeeds if there was none."""
    await asyncio.to_thread(_forget, account_id)
