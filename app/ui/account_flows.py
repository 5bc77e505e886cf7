"""The main window's account flows: the accounts dialog, signing in (a new account or
again) and removing an account with its secret and its columns."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from app import credentials
from app.model import Account, Network
from app.providers.base import registered_networks
from app.services import Services
from app.ui.accounts_dialog import AccountsDialog
from app.ui.bluesky_signin import BlueskySignInDialog
from app.ui.errors import describe
from app.ui.mastodon_signin import MastodonSignInDialog
from app.ui.signin_base import SignInDialog
from app.ui.window_part import WindowContext, WindowPart

log = logging.getLogger(__name__)


class AccountFlows(WindowPart):
    """Owns the accounts dialog of one main window; the window keeps the account list and
    its columns, and is told through the callables it passes in."""

    def __init__(
        self,
        context: WindowContext,
        *,
        services: Services | None,
        reload_accounts: Callable[[], list[Account]],
        remove_columns_of: Callable[[str], None],
        update_wanted: Callable[[], None],
    ) -> None:
        """`services` is None for the demo deck, which never touches a network."""
        super().__init__(context)
        self._services = services
        self._sync = services.sync if services else None
        self._demo = services is None
        self._reload_accounts = reload_accounts
        self._remove_columns_of = remove_columns_of
        self._update_wanted = update_wanted
        self._accounts_dialog: AccountsDialog | None = None

    def show_accounts(self) -> None:
        networks = () if self._demo else registered_networks()
        dialog = AccountsDialog(self._accounts(), networks=networks, parent=self._window)
        dialog.remove_requested.connect(
            lambda account_id, purge: self._spawn(self._remove_account(account_id, purge))
        )
        dialog.add_requested.connect(lambda network: self._add_account(Network(network)))
        # open(), not exec(): sign-in runs as tasks on the app's loop while this is shown
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._accounts_dialog_closed)
        self._accounts_dialog = dialog
        dialog.open()

    def _accounts_dialog_closed(self) -> None:
        self._accounts_dialog = None

    def _add_account(self, network: Network) -> None:
        self._open_sign_in(network, None, parent=self._accounts_dialog or self._window)

    def sign_in_again(self, account_id: str) -> None:
        """A revoked or expired sign-in: the same dialog, with what is known filled in."""
        account = self._store.account(account_id)
        if account is not None:
            self._open_sign_in(account.network, account, parent=self._window)

    def _open_sign_in(self, network: Network, account: Account | None, *, parent: QWidget) -> None:
        dialog: SignInDialog
        if network is Network.MASTODON:
            server = account.server if account is not None else ""
            dialog = MastodonSignInDialog(store=self._store, server=server, parent=parent)
        elif network is Network.BLUESKY:
            dialog = BlueskySignInDialog(store=self._store, account=account, parent=parent)
        else:
            # X sign-in arrives with its provider (issue 6).
            self._bridge.info(
                QCoreApplication.translate(
                    "window", "Sign-in for this network is not available yet."
                )
            )
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.account_added.connect(self._account_added)
        dialog.show()

    def _account_added(self, account: Account) -> None:
        accounts = self._reload_accounts()
        if self._sync is not None:
            self._sync.resume(account.id)  # a new sign-in lifts an earlier "sign in again"
        self._update_wanted()
        if self._accounts_dialog is not None:
            self._accounts_dialog.set_accounts(accounts)
        self._bridge.info(
            QCoreApplication.translate(
                "window", "%1 was added. Add columns for it with Add column."
            ).replace("%1", account.label)
        )

    async def _remove_account(self, account_id: str, purge: bool) -> None:
        account = self._store.account(account_id)
        label = account.label if account else account_id
        if self._services is not None:
            try:
                await credentials.forget_secret(account_id)
            except credentials.KeyringUnavailable:
                # With no password store there is no secret to delete, so removal goes on.
                log.info("no keyring while removing %s", account_id)
            except credentials.CredentialsError as exc:
                self._bridge.error(describe(exc, label))  # a locked store: the token stays
                return
            await self._services.providers.forget(account_id)
        self._remove_columns_of(account_id)
        self._store.remove_account(account_id, purge=purge)
        accounts = self._reload_accounts()
        if self._accounts_dialog is not None:
            self._accounts_dialog.set_accounts(accounts)
        self._bridge.info(
            QCoreApplication.translate("window", "%1 was removed.").replace("%1", label)
        )
