"""Taking turns on the event loop: heavy work on the UI thread, one piece per turn.

The qasync loop runs every callback that is ready when a turn starts before the window
gets its next events and paints, so pieces of work that become ready together (pages of
several feeds answered at about the same time, each to parse and to store) would stop the
window for as long as all of them take. Each piece that awaits `own_turn()` first runs in
a turn of its own instead, and the window gets its turns in between.
"""

from __future__ import annotations

import asyncio
import weakref

_LANES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


async def own_turn() -> None:
    """Return at the start of a turn of the loop no other caller of this has taken; the
    caller's work up to its next await then runs in that turn."""
    loop = asyncio.get_running_loop()
    lane = _LANES.get(loop)
    if lane is None:
        lane = _LANES[loop] = asyncio.Lock()
    async with lane:
        await asyncio.sleep(0)
