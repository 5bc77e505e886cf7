"""A Pantau process that only sends its own scheduled posts, for the crash tests: run as
`python -m tests.queue_worker <cache file>`; exits 0 once nothing is left to send. The
test kills it with SIGKILL at unplanned moments and starts it again."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from app.providers import load_providers
from app.scheduler import Scheduler
from app.store import Store
from app.sync import AccountProviders


async def send_all(path: Path) -> int:
    store = Store.open(path)
    providers = AccountProviders()
    try:
        scheduler = Scheduler(store=store, providers=providers)
        while store.next_local_time() is not None:
            report = await scheduler.send_due(missed_after=None)
            if report.failed:
                print("failed:", [type(e).__name__ for _, e in report.failed], file=sys.stderr)
                return 1
        return 0
    finally:
        await providers.aclose()
        store.close()


if __name__ == "__main__":
    load_providers()
    sys.exit(asyncio.run(send_all(Path(sys.argv[1]))))
