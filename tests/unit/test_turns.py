"""Taking turns on the event loop: work that becomes ready together runs a turn apart."""

from __future__ import annotations

import asyncio

from app.turns import own_turn


def test_callers_ready_together_each_get_a_turn_of_their_own() -> None:
    turn = 0
    ran_in: list[int] = []

    async def count_turns() -> None:
        nonlocal turn
        while True:
            turn += 1
            await asyncio.sleep(0)

    async def piece() -> None:
        await own_turn()
        ran_in.append(turn)

    async def main() -> None:
        counter = asyncio.ensure_future(count_turns())
        await asyncio.gather(*(piece() for _ in range(4)))
        counter.cancel()

    asyncio.run(main())
    asyncio.run(main())  # a second loop gets a lane of its own
    assert len(ran_in) == 8
    assert len(set(ran_in[:4])) == 4
    assert len(set(ran_in[4:])) == 4
