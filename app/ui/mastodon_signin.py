"""Signing in to a Mastodon-API server: browser approval with a loopback redirect, or a code."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import httpx
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import credentials
from app.oauth_loopback import LoopbackReceiver, OAuthDenied
from app.providers import mastodon_auth
from app.providers.base import ProviderError
from app.store import Store
from app.ui.errors import describe
from app.ui.signin_base import SignInDialog

log = logging.getLogger(__name__)

BROWSER_TIMEOUT_S = 300.0

ClientFactory = Callable[[], httpx.AsyncClient]
UrlOpener = Callable[[str], None]


def open_in_browser(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


class MastodonSignInDialog(SignInDialog):
    """Adds an account: server name, approval in the browser, token into the keyring.
    The account is stored only once its token is safely in the keyring."""

    def __init__(
        self,
        *,
        store: Store,
        client_factory: ClientFactory = lambda: httpx.AsyncClient(timeout=20),
        open_url: UrlOpener = open_in_browser,
        server: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._client_factory = client_factory
        self._open_url = open_url
        self._oob_app: mastodon_auth.MastodonApp | None = None
        self.setWindowTitle(QCoreApplication.translate("signin", "Add a Mastodon account"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "signin",
                "Works with Mastodon, GoToSocial, Akkoma and Pleroma servers. Pantau opens "
                "the server's approval page in your browser.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.server_edit = QLineEdit(self)
        self.server_edit.setPlaceholderText("mastodon.social")
        self.server_edit.setText(server)
        form.addRow(QCoreApplication.translate("signin", "Server:"), self.server_edit)
        layout.addLayout(form)
        self.browser_button = QPushButton(
            QCoreApplication.translate("signin", "Sign in with the browser"), self
        )
        self.browser_button.setDefault(True)
        self.browser_button.clicked.connect(self.sign_in_with_browser)
        layout.addWidget(self.browser_button)

        self.code_toggle = QPushButton(
            QCoreApplication.translate("signin", "The browser cannot return to Pantau? Use a code"),
            self,
        )
        self.code_toggle.setFlat(True)
        self.code_toggle.clicked.connect(self.request_code)
        layout.addWidget(self.code_toggle)
        code_row = QFormLayout()
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(
            QCoreApplication.translate("signin", "Paste the code the server shows")
        )
        self.code_button = QPushButton(QCoreApplication.translate("signin", "Sign in"), self)
        self.code_button.clicked.connect(self.sign_in_with_code)
        code_row.addRow(self.code_edit, self.code_button)
        self.code_box = QWidget(self)
        self.code_box.setLayout(code_row)
        self.code_box.setVisible(False)
        layout.addWidget(self.code_box)

        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- flows ----------------------------------------------------------------------------

    def _server(self) -> str | None:
        try:
            return mastodon_auth.normalise_server(self.server_edit.text())
        except ValueError:
            self._say(
                QCoreApplication.translate(
                    "signin", "Type the server's name, for example mastodon.social."
                ),
                error=True,
            )
            return None

    def sign_in_with_browser(self) -> None:
        server = self._server()
        if server is not None:
            self._run(self._browser_flow(server))

    def request_code(self) -> None:
        server = self._server()
        if server is not None:
            self.code_box.setVisible(True)
            self._run(self._open_code_page(server))

    def sign_in_with_code(self) -> None:
        code = self.code_edit.text().strip()
        if self._oob_app is None or not code:
            self._say(
                QCoreApplication.translate(
                    "signin", "Open the approval page first, then paste the code it shows."
                ),
                error=True,
            )
            return
        self._run(self._finish(self._oob_app, code))

    async def _browser_flow(self, server: str) -> None:
        receiver = LoopbackReceiver()
        state = secrets.token_urlsafe(24)
        self._busy(True)
        try:
            redirect = await receiver.start(state)
            async with self._client_factory() as client:
                app = await mastodon_auth.register_app(client, server, redirect)
            self._say(
                QCoreApplication.translate(
                    "signin", "Approve Pantau in your browser, then come back here…"
                )
            )
            self._open_url(mastodon_auth.authorize_url(app, state=state))
            code = await receiver.wait(BROWSER_TIMEOUT_S)
            await self._exchange(app, code)
        except OAuthDenied:
            self._say(
                QCoreApplication.translate("signin", "Access was not granted in the browser."),
                error=True,
            )
        except TimeoutError:
            self._say(
                QCoreApplication.translate(
                    "signin", "No answer from the browser. Try again, or use a code."
                ),
                error=True,
            )
        except (ProviderError, credentials.CredentialsError) as exc:
            self._say(describe(exc, server), error=True)
        finally:
            await receiver.close()
            self._busy(False)

    async def _open_code_page(self, server: str) -> None:
        self._busy(True)
        try:
            async with self._client_factory() as client:
                app = await mastodon_auth.register_app(client, server, mastodon_auth.OOB_REDIRECT)
            self._oob_app = app
            self._open_url(mastodon_auth.authorize_url(app, state=secrets.token_urlsafe(16)))
            self._say(
                QCoreApplication.translate(
                    "signin", "Approve Pantau in the browser and paste the code shown there."
                )
            )
        except ProviderError as exc:
            self._say(describe(exc, server), error=True)
        finally:
            self._busy(False)

    async def _finish(self, app: mastodon_auth.MastodonApp, code: str) -> None:
        self._busy(True)
        try:
            await self._exchange(app, code)
        except (ProviderError, credentials.CredentialsError) as exc:
            self._say(describe(exc, app.server), error=True)
        finally:
            self._busy(False)

    async def _exchange(self, app: mastodon_auth.MastodonApp, code: str) -> None:
        async with self._client_factory() as client:
            token = await mastodon_auth.exchange_code(client, app, code)
            account = await mastodon_auth.account_from_token(client, app.server, token)
        # The keyring first: an account without its token would only fail later.
        await credentials.store_secret(account.id, token)
        self._store.upsert_account(account)
        log.info("added account %s", account.id)
        self.account_added.emit(account)
        self.accept()

    # --- state ------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for widget in (self.browser_button, self.code_toggle, self.code_button, self.server_edit):
            widget.setEnabled(not busy)
