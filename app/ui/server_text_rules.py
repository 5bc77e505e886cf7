"""How each account's server counts a post, asked once per account while composing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from app.model import Account, Network
from app.outbox import OutboxSender
from app.text_length import DEFAULT_RULES, TextRules


class ServerTextRules:
    """Each account's server's own text rules (Mastodon's limit is per server), asked once;
    without a sender, or until the server answers, the network's defaults."""

    def __init__(self, sender: OutboxSender | None) -> None:
        self._sender = sender
        self._rules: dict[str, TextRules] = {}
        self._asking: set[str] = set()
        self._task: asyncio.Future[None] | None = None

    def rules_for(self, account: Account | None, *, learned: Callable[[], None]) -> TextRules:
        """The server's own rules once asked, the network's defaults meanwhile; `learned` is
        called when the server has answered. Only the question in flight holds `learned`,
        so whoever passed it is kept alive just until the answer comes."""
        if account is None:
            return DEFAULT_RULES[Network.MASTODON]
        known = self._rules.get(account.id)
        if known is not None:
            return known
        if self._sender is not None and account.id not in self._asking:
            self._asking.add(account.id)
            self._task = asyncio.ensure_future(self._ask(self._sender, account, learned))
        return DEFAULT_RULES[account.network]

    async def _ask(
        self, sender: OutboxSender, account: Account, learned: Callable[[], None]
    ) -> None:
        self._rules[account.id] = await sender.text_rules(account)
        learned()

    def stop(self) -> None:
        """Stop asking: the window is closing."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
