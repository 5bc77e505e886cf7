"""Plain, translated words for errors a user can act on; the one place that phrases them."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from app.credentials import CredentialsError, KeyringUnavailable, SecretMissing
from app.outbox import AttachmentUnreadable
from app.providers.base import (
    AttachmentTooLarge,
    AuthExpired,
    DirectMessagesNotAllowed,
    NoProvider,
    NotFound,
    Offline,
    ParseError,
    ProviderError,
    RateLimited,
    Rejected,
    ServerFault,
    TooLong,
)
from app.store import StoreError


def describe(
    exc: BaseException, account: str = "", *, sending: bool = False, now: datetime | None = None
) -> str:
    """What happened and what to do, naming the account; never a traceback or a token.
    `sending` phrases it for a write the user is waiting on rather than a refresh."""
    who = account or QCoreApplication.translate("errors", "this account")
    if isinstance(exc, Offline) and sending:
        text = QCoreApplication.translate(
            "errors", "Cannot reach the server of %1. Your text is kept: press Send to try again."
        )
    elif isinstance(exc, Offline):
        text = QCoreApplication.translate(
            "errors", "Cannot reach the server of %1. Showing cached posts; will retry."
        )
    elif isinstance(exc, AuthExpired | SecretMissing):
        text = QCoreApplication.translate("errors", "The session of %1 has ended. Sign in again.")
    elif isinstance(exc, RateLimited):
        minutes = 0
        if exc.reset_at is not None:
            seconds = (exc.reset_at - (now or datetime.now(UTC))).total_seconds()
            minutes = max(1, int(seconds // 60) + 1)
        text = QCoreApplication.translate(
            "errors", "The network asks %1 to slow down. Next try in %n min.", "", minutes
        )
    elif isinstance(exc, TooLong):
        return (
            QCoreApplication.translate(
                "errors", "The text is too long for this network: %1 characters, at most %2."
            )
            .replace("%1", str(exc.length))
            .replace("%2", str(exc.limit))
        )
    elif isinstance(exc, AttachmentTooLarge):
        megabytes = f"{exc.limit / 1_000_000:g}"
        return QCoreApplication.translate(
            "errors", "An image is too large for this network (at most %1 MB). Pick a smaller one."
        ).replace("%1", megabytes)
    elif isinstance(exc, AttachmentUnreadable):
        return QCoreApplication.translate(
            "errors", "The file %1 cannot be read any more. Pick it again."
        ).replace("%1", exc.detail)
    elif isinstance(exc, DirectMessagesNotAllowed):
        text = QCoreApplication.translate(
            "errors",
            "The app password of %1 does not allow direct messages. Make a new one with "
            "“Allow access to your direct messages” ticked and sign in with it.",
        )
    elif isinstance(exc, NotFound):
        text = QCoreApplication.translate("errors", "That post or page no longer exists (%1).")
    elif isinstance(exc, Rejected):
        text = QCoreApplication.translate("errors", "The server refused the request of %1.")
    elif isinstance(exc, ServerFault):
        text = QCoreApplication.translate(
            "errors", "The server of %1 has a problem. Will retry later."
        )
    elif isinstance(exc, ParseError):
        text = QCoreApplication.translate(
            "errors", "The server of %1 sent data Pantau does not understand."
        )
    elif isinstance(exc, NoProvider):
        text = QCoreApplication.translate(
            "errors", "This version of Pantau cannot connect to the network of %1 yet."
        )
    elif isinstance(exc, KeyringUnavailable):
        return QCoreApplication.translate(
            "errors",
            "No secure password store is available, so Pantau will not save sign-ins. "
            "Install and unlock GNOME Keyring or KWallet (on Windows: Credential Manager).",
        )
    elif isinstance(exc, CredentialsError):
        text = QCoreApplication.translate(
            "errors", "The password store refused access for %1. Unlock it and try again."
        )
    elif isinstance(exc, StoreError):
        return QCoreApplication.translate(
            "errors", "The local cache cannot be written. Check free disk space."
        )
    else:
        return QCoreApplication.translate(
            "errors", "Something went wrong. Details are in the log file."
        )
    text = text.replace("%1", who)
    if (
        isinstance(exc, Rejected | ServerFault)
        and exc.detail
        and not isinstance(exc, DirectMessagesNotAllowed)
    ):
        text += "\n" + exc.detail
    return text


def needs_sign_in(exc: BaseException) -> bool:
    return isinstance(exc, AuthExpired | SecretMissing)


__all__ = ["ProviderError", "describe", "needs_sign_in"]
