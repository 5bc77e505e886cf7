"""The loopback redirect receiver, driven by a real HTTP client as a browser would."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.oauth_loopback import LoopbackReceiver, OAuthDenied


async def _browser_visits(url: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(url)


def test_code_with_the_right_state_is_accepted() -> None:
    async def scenario() -> tuple[str, httpx.Response]:
        receiver = LoopbackReceiver()
        uri = await receiver.start("s3cret-state")
        assert uri.startswith("http://127.0.0.1:")
        response = await _browser_visits(f"{uri}?code=abc123&state=s3cret-state")
        code = await receiver.wait(timeout=5)
        await receiver.close()
        return code, response

    code, response = asyncio.run(scenario())
    assert code == "abc123"
    assert response.status_code == 200
    assert "Pantau" in response.text


@pytest.mark.log_warnings
def test_wrong_state_is_ignored_and_the_real_one_still_works() -> None:
    async def scenario() -> tuple[int, str]:
        receiver = LoopbackReceiver()
        uri = await receiver.start("good")
        forged = await _browser_visits(f"{uri}?code=evil&state=bad")
        await _browser_visits(f"{uri}?code=real&state=good")
        code = await receiver.wait(timeout=5)
        await receiver.close()
        return forged.status_code, code

    status, code = asyncio.run(scenario())
    assert status == 400
    assert code == "real"


def test_denied_in_the_browser_raises() -> None:
    async def scenario() -> None:
        receiver = LoopbackReceiver()
        uri = await receiver.start("st")
        await _browser_visits(f"{uri}?error=access_denied&state=st")
        try:
            await receiver.wait(timeout=5)
        finally:
            await receiver.close()

    with pytest.raises(OAuthDenied):
        asyncio.run(scenario())


def test_other_paths_are_not_found_and_timeout_is_reported() -> None:
    async def scenario() -> int:
        receiver = LoopbackReceiver()
        uri = await receiver.start("st")
        response = await _browser_visits(uri.replace("/callback", "/favicon.ico"))
        with pytest.raises(TimeoutError):
            await receiver.wait(timeout=0.05)
        await receiver.close()
        return response.status_code

    assert asyncio.run(scenario()) == 404
