"""What a signed-in deck works with: providers, refresh engine, outbox and scheduler."""

from __future__ import annotations

from dataclasses import dataclass

from app.markers import ReadMarkers
from app.outbox import OutboxSender
from app.scheduler import Scheduler
from app.store import Store
from app.sync import ProviderSource, SyncEngine


@dataclass(frozen=True, slots=True)
class Services:
    """One bundle, built once, so the window and tests wire the same pieces the same way.
    The demo deck has none: it never touches a network."""

    providers: ProviderSource
    sync: SyncEngine
    sender: OutboxSender
    scheduler: Scheduler
    markers: ReadMarkers

    @classmethod
    def create(
        cls, store: Store, providers: ProviderSource, sync: SyncEngine | None = None
    ) -> Services:
        return cls(
            providers=providers,
            sync=sync or SyncEngine(store=store, providers=providers),
            sender=OutboxSender(store=store, providers=providers),
            scheduler=Scheduler(store=store, providers=providers),
            markers=ReadMarkers(store=store, providers=providers),
        )
