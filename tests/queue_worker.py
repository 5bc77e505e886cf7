"""A Pantau process that only sends its own scheduled posts, for the crash tests: run as
`python -m tests.queue_worker <cache file> [<step>:<n>]`; exits 0 once nothing is left to
send. The test kills it with SIGKILL at unplanned moments and starts it again; with a step,
the process kills itself at that step of the n-th post's send:

- `before-request`: the outbox item is marked sending, the request never left;
- `after-response`: the network created the post and answered, Pantau recorded nothing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import httpx

from app.providers import load_providers
from app.scheduler import Scheduler
from app.store import Store
from app.sync import AccountProviders

CREATE = "/xrpc/com.atproto.repo.createRecord"


def dying_client(step: str, nth: int) -> Callable[[], httpx.AsyncClient]:
    """Clients whose n-th post request kills this process (SIGKILL: no clean-up at all)."""
    seen = {"request": 0, "response": 0}

    def die_at(kind: str) -> Callable[..., object]:
        async def hook(event: httpx.Request | httpx.Response) -> None:
            request = event if isinstance(event, httpx.Request) else event.request
            if request.method == "POST" and request.url.path == CREATE:
                seen[kind] += 1
                if seen[kind] == nth:
                    os.kill(os.getpid(), signal.SIGKILL)

        return hook

    hooks = {"request": [die_at("request")]} if step == "before-request" else {}
    if step == "after-response":
        hooks = {"response": [die_at("response")]}

    def client() -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=20.0, follow_redirects=False, event_hooks=hooks)

    return client


async def send_all(path: Path, crash: str = "") -> int:
    store = Store.open(path)
    step, _, nth = crash.partition(":")
    factory = dying_client(step, int(nth)) if crash else None
    providers = AccountProviders(client_factory=factory)
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
    sys.exit(asyncio.run(send_all(Path(sys.argv[1]), *sys.argv[2:3])))
