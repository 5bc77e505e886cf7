"""Receives an OAuth redirect on 127.0.0.1 so the browser can hand the code back to Pantau."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

CALLBACK_PATH = "/callback"
MAX_REQUEST_BYTES = 8192

_PAGE = """<!doctype html><html lang="id"><meta charset="utf-8"><title>Pantau</title>
<body style="font-family:sans-serif;margin:3em;color:#1f2933">
<h2 style="color:#0F766E">{title}</h2><p>{text}</p></body></html>"""
_DONE = _PAGE.format(
    title="Pantau",
    text="Selesai. Silakan kembali ke Pantau; tab ini boleh ditutup.<br>"
    "Done. Go back to Pantau; you can close this tab.",
)
_FAILED = _PAGE.format(
    title="Pantau",
    text="Izin tidak diberikan. Kembali ke Pantau untuk mencoba lagi.<br>"
    "Access was not granted. Go back to Pantau to try again.",
)


class OAuthError(Exception):
    """The sign-in did not produce a code (denied in the browser, or a forged redirect)."""


class OAuthDenied(OAuthError):
    """The user (or the server) refused access."""


class LoopbackReceiver:
    """A one-shot HTTP listener on a random loopback port. Only a redirect carrying the
    expected `state` is accepted, so another page cannot inject a code."""

    def __init__(self, *, host: str = "127.0.0.1") -> None:
        self._host = host
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[str] | None = None
        self._state = ""

    @property
    def redirect_uri(self) -> str:
        if self._server is None:
            raise RuntimeError("start() first")
        port = self._server.sockets[0].getsockname()[1]
        return f"http://{self._host}:{port}{CALLBACK_PATH}"

    async def start(self, state: str) -> str:
        """Listen and return the redirect URI to register with the server."""
        self._state = state
        self._result = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._handle, self._host, 0)
        return self.redirect_uri

    async def wait(self, timeout: float) -> str:
        """The authorization code, once the browser comes back."""
        if self._result is None:
            raise RuntimeError("start() first")
        return await asyncio.wait_for(asyncio.shield(self._result), timeout)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        if self._result is not None and not self._result.done():
            self._result.cancel()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
            writer.close()
            return
        request_line = head[:MAX_REQUEST_BYTES].split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        target = urlsplit(parts[1]) if len(parts) == 3 and parts[0] == "GET" else None
        if target is None or target.path != CALLBACK_PATH:
            await self._reply(writer, 404, "Not found")
            return
        query = {k: v[0] for k, v in parse_qs(target.query).items()}
        if query.get("state") != self._state:
            log.warning("OAuth redirect with a wrong state ignored")
            await self._reply(writer, 400, _FAILED)
            return
        result = self._result
        if query.get("code"):
            await self._reply(writer, 200, _DONE)
            if result is not None and not result.done():
                result.set_result(query["code"])
        else:
            await self._reply(writer, 200, _FAILED)
            if result is not None and not result.done():
                result.set_exception(OAuthDenied(query.get("error", "access_denied")))

    @staticmethod
    async def _reply(writer: asyncio.StreamWriter, status: int, body: str) -> None:
        data = body.encode()
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
        writer.write(
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode()
            + data
        )
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()
