"""Signing in to Bluesky: handle and app password (never the main password), an optional
server for self-hosted PDSes; the session goes to the keyring, the password nowhere."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import credentials
from app.model import Account
from app.providers import bluesky_auth
from app.providers.base import AuthExpired, ProviderError
from app.store import Store
from app.ui.errors import describe
from app.ui.signin_base import SignInDialog

log = logging.getLogger(__name__)

APP_PASSWORDS_PAGE = "https://bsky.app/settings/app-passwords"

ClientFactory = Callable[[], httpx.AsyncClient]


class BlueskySignInDialog(SignInDialog):
    """Adds (or signs in again) a Bluesky account. The account is stored only once its
    session is safely in the keyring."""

    def __init__(
        self,
        *,
        store: Store,
        client_factory: ClientFactory = lambda: httpx.AsyncClient(timeout=20),
        account: Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._client_factory = client_factory
        self.setWindowTitle(QCoreApplication.translate("signin", "Add a Bluesky account"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "signin",
                "Sign in with an app password, not the account's main password. In Bluesky "
                "open Settings → Privacy and security → App passwords → Add App Password, "
                "and tick “Allow access to your direct messages” so Pantau can answer DMs.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passwords_link = QLabel(
            '<a href="{}">{}</a>'.format(
                APP_PASSWORDS_PAGE,
                html.escape(QCoreApplication.translate("signin", "Open the app passwords page")),
            ),
            self,
        )
        self.passwords_link.setTextFormat(Qt.TextFormat.RichText)
        self.passwords_link.setOpenExternalLinks(True)
        layout.addWidget(self.passwords_link)

        form = QFormLayout()
        self.handle_edit = QLineEdit(self)
        self.handle_edit.setPlaceholderText("dinas.bsky.social")
        form.addRow(QCoreApplication.translate("signin", "Handle:"), self.handle_edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("xxxx-xxxx-xxxx-xxxx")
        form.addRow(QCoreApplication.translate("signin", "App password:"), self.password_edit)
        self.server_edit = QLineEdit(self)
        self.server_edit.setPlaceholderText(bluesky_auth.DEFAULT_SERVICE)
        self.server_edit.setToolTip(
            QCoreApplication.translate(
                "signin", "Only for a self-hosted server (PDS); leave empty for bsky.social."
            )
        )
        form.addRow(QCoreApplication.translate("signin", "Server (optional):"), self.server_edit)
        layout.addLayout(form)
        if account is not None:
            self.handle_edit.setText(account.handle)
            if not account.server.endswith(".host.bsky.network"):
                self.server_edit.setText(account.server)

        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(QCoreApplication.translate("signin", "Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _service(self) -> str | None:
        text = self.server_edit.text().strip().rstrip("/")
        if not text:
            return bluesky_auth.DEFAULT_SERVICE
        if "://" not in text:
            text = "https://" + text
        parts = urlsplit(text)
        if parts.scheme not in ("https", "http") or not parts.hostname or parts.path:
            return None
        return text

    def sign_in(self) -> None:
        handle = self.handle_edit.text().strip()
        password = self.password_edit.text()
        service = self._service()
        if not handle or not password:
            self._say(
                QCoreApplication.translate(
                    "signin", "Type the account's handle and an app password."
                ),
                error=True,
            )
            return
        if service is None:
            self._say(
                QCoreApplication.translate(
                    "signin", "The server is an address such as https://pds.example.go.id."
                ),
                error=True,
            )
            return
        self._run(self._sign_in(handle, password, service))

    async def _sign_in(self, handle: str, password: str, service: str) -> None:
        self._busy(True)
        self._say(QCoreApplication.translate("signin", "Signing in…"))
        try:
            async with self._client_factory() as client:
                account, session = await bluesky_auth.sign_in(
                    client, identifier=handle, app_password=password, service=service
                )
            # The keyring first: an account without its session would only fail later.
            await credentials.store_secret(account.id, session.to_secret())
        except AuthExpired:
            self._say(
                QCoreApplication.translate(
                    "signin",
                    "The handle or the app password is wrong. Check both, or make a new "
                    "app password.",
                ),
                error=True,
            )
            return
        except (ProviderError, credentials.CredentialsError) as exc:
            self._say(describe(exc, handle), error=True)
            return
        finally:
            self._busy(False)
        self.password_edit.clear()
        self._store.upsert_account(account)
        log.info("added account %s (chat %s)", account.id, session.privileged())
        self.account_added.emit(account)
        self.accept()

    def _busy(self, busy: bool) -> None:
        for widget in (self.handle_edit, self.password_edit, self.server_edit):
            widget.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
