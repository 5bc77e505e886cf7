"""Waiting inside the qasync loop for something the app does by itself."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


def run_until(
    loop: asyncio.AbstractEventLoop, done: Callable[[], bool], timeout: float = 5.0
) -> None:
    """Run the loop until `done()` holds; TimeoutError after `timeout` seconds."""

    async def wait() -> None:
        while not done():
            await asyncio.sleep(0.02)

    loop.run_until_complete(asyncio.wait_for(wait(), timeout))
