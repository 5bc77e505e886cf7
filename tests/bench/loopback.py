"""The fake Mastodon (tests/mastodon_server.py) served over real sockets on 127.0.0.1, with
a fixed latency added to every answer: a remote server as the refresh benchmark sees it.

Run as its own process (`python -m tests.bench.loopback --latency 0.2`), so that the
server's work does not share the client's interpreter: it prints `PORT <n>` once it
listens. HTTP/1.1 with keep-alive (h11, which httpx itself is built on); each connection
is served by its own task, so concurrent requests wait out their latency together.

The state is seeded once and never changes (the benchmark only reads), so each answer is
rendered once and then served from memory: what is measured is the client and the wire.
`GET /__bench/stats` tells how many requests came and how many were in flight at most.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

import h11
import httpx

from tests.bench.corpus import Writer
from tests.mastodon_server import FakeMastodon, FakeUser

ADMIN = "lpse_admin"  # account A
HUMAS = "humasjateng"  # account B
CITIZENS = 40
STATUSES = 1500
DMS = 60
SEARCH_WORD = "jalan"


def seeded(host: str) -> FakeMastodon:
    """A busy desk's server: citizens reporting with #KemalaJateng and asking LPSE, some
    of them followed by the admin, mentions of both accounts, DMs, boosts."""
    start = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    clock = [start]
    fake = FakeMastodon(host=host, clock=lambda: clock[0])
    fake.base = f"http://{host}"
    writer = Writer(7, authors=CITIZENS, base=fake.base)
    fake.users[HUMAS] = FakeUser(fake.new_id(), HUMAS, "Humas Pemprov Jateng", f"tok-{HUMAS}")
    names = ["warga1", "warga2"]
    for author in writer.authors:
        user = FakeUser(
            fake.new_id(), author.username, author.display_name, f"tok-{author.username}"
        )
        fake.users[author.username] = user
        names.append(author.username)
    admin = fake.users[ADMIN]
    admin.follows |= {fake.users[n].id for n in names[:12]}
    rng = writer.rng
    made = []
    for n in range(STATUSES):
        draft = writer.draft()
        text = draft.text
        roll = rng.random()
        if roll < 0.10:
            text = f"@{ADMIN} {text}"
        elif roll < 0.18:
            text = f"@{HUMAS} {text}"
        poster = rng.choice(names)
        made.append(fake.post_as(poster, text).id)
        if n % 25 == 0:
            fake.post_as(
                ADMIN, f"@{poster} Terima kasih, laporan sudah kami teruskan. #KemalaJateng"
            )
        if n % 40 == 7:
            fake.boost(rng.choice(names), rng.choice(made))
        if n % (STATUSES // DMS) == 3:
            fake.post_as(poster, f"@{ADMIN} Mohon bantuan, akun SPSE saya terkunci ({n})",
                         visibility="direct")  # fmt: skip
        clock[0] += timedelta(seconds=37)
    return fake


class Server:
    def __init__(self, fake: FakeMastodon, latency: float) -> None:
        self.fake = fake
        self.latency = latency
        self.cache: dict[tuple[str, str, str], tuple[int, list[tuple[str, str]], bytes]] = {}
        self.requests = 0
        self.in_flight = 0
        self.most = 0

    def answer(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        if target == "/__bench/stats":
            stats = {"requests": self.requests, "most_in_flight": self.most}
            return 200, [("content-type", "application/json")], json.dumps(stats).encode()
        auth = next((v for k, v in headers if k == "authorization"), "")
        key = (method, target, auth)
        if method == "GET" and key in self.cache:
            return self.cache[key]
        request = httpx.Request(method, f"{self.fake.base}{target}", headers=headers, content=body)
        response = self.fake.handle(request)
        response.read()
        out_headers = [(k, v) for k, v in response.headers.items() if k in ("content-type", "link")]
        found = (response.status_code, out_headers, response.content)
        if method == "GET" and response.status_code == 200:
            self.cache[key] = found
        return found

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = h11.Connection(h11.SERVER)
        try:
            while True:
                request: h11.Request | None = None
                body = b""
                while True:
                    event = conn.next_event()
                    if event is h11.NEED_DATA:
                        data = await reader.read(65536)
                        conn.receive_data(data)
                        if not data and conn.their_state is h11.IDLE:
                            return
                        continue
                    if isinstance(event, h11.Request):
                        request = event
                    elif isinstance(event, h11.Data):
                        body += bytes(event.data)
                    elif isinstance(event, h11.EndOfMessage):
                        break
                    elif isinstance(event, h11.ConnectionClosed):
                        return
                assert request is not None
                if request.target != b"/__bench/stats":
                    self.requests += 1
                self.in_flight += 1
                self.most = max(self.most, self.in_flight)
                try:
                    await asyncio.sleep(self.latency)
                    status, headers, content = self.answer(
                        request.method.decode(),
                        request.target.decode(),
                        [(k.decode(), v.decode()) for k, v in request.headers],
                        body,
                    )
                finally:
                    self.in_flight -= 1
                out = [*headers, ("content-length", str(len(content)))]
                writer.write(conn.send(h11.Response(status_code=status, headers=out)) or b"")
                writer.write(conn.send(h11.Data(data=content)) or b"")
                writer.write(conn.send(h11.EndOfMessage()) or b"")
                await writer.drain()
                if conn.our_state is h11.MUST_CLOSE:
                    return
                conn.start_next_cycle()
        except (ConnectionError, h11.RemoteProtocolError):
            return
        finally:
            writer.close()


async def main(latency: float) -> None:
    served: list[Server] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await served[0].serve(reader, writer)

    listener = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    # The JSON names the server by its address, so the port comes first.
    served.append(Server(seeded(f"127.0.0.1:{port}"), latency))
    print(f"PORT {port}", flush=True)
    async with listener:
        await listener.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    try:
        asyncio.run(main(args.latency))
    except KeyboardInterrupt:
        sys.exit(0)
