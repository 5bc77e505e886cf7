"""A real local Bluesky network for end-to-end tests, started once per pytest run.

`LocalBlueskyNetwork` starts a throwaway PostgreSQL, then tests/atproto/network.mjs with the
Node 22 that scripts/install.sh put in tests/atproto: @atproto/dev-env's PLC, PDS, AppView
and Ozone, plus a stateful test chat service that the REAL PDS proxies `chat.bsky.convo.*`
calls to (header `atproto-proxy: did:web:api.bsky.chat#bsky_chat`). Everything listens on
127.0.0.1 and lives in one job folder under the temp dir, deleted on stop; nothing depends
on HOME.

The session fixture `bluesky_network` (registered in tests/conftest.py) starts it on first
use only, so runs that never ask for it pay nothing. The helpers below talk XRPC with plain
httpx: `create_account`, `create_session`, `create_app_password`, `auth_headers`,
`chat_headers`, `xrpc_url` and `wait_until` (a poller with a deadline instead of sleeps).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple, TypeVar

import httpx
import pytest

ATPROTO_DIR = Path(__file__).resolve().parent / "atproto"
NODE = ATPROTO_DIR / "node_modules" / "node" / "bin" / "node"
CHAT_DID = "did:web:api.bsky.chat"
CHAT_SERVICE_ID = "bsky_chat"
START_DEADLINE = 90.0  # seconds from launch to the ready line (usually under 10)
STOP_DEADLINE = 20.0
JOB_PREFIX = "pantau-bluesky-"
LOG_TAIL = 60  # lines of the Node log shown when the network does not start

T = TypeVar("T")


@dataclass(frozen=True)
class BlueskyNetwork:
    """Where the running network's services answer (http://127.0.0.1:<port>)."""

    pds: str
    appview: str
    plc: str
    chat: str
    chat_did: str = CHAT_DID

    @property
    def chat_proxy(self) -> str:
        """The `atproto-proxy` header value that sends a PDS call to the chat service."""
        return f"{self.chat_did}#{CHAT_SERVICE_ID}"


class Session(NamedTuple):
    """An account's session on the PDS (unpacks as did, handle, access_jwt, refresh_jwt)."""

    did: str
    handle: str
    access_jwt: str
    refresh_jwt: str


class NetworkStartError(RuntimeError):
    """PostgreSQL or the Node network did not come up; the message says why."""


class LocalBlueskyNetwork:
    """Starts and stops PostgreSQL plus the Node network; a context manager.

    `start()` returns the `BlueskyNetwork`; `stop()` ends Node (SIGTERM), then PostgreSQL,
    and deletes the job folder. Both are safe to call twice.
    """

    def __init__(self, *, deadline: float = START_DEADLINE) -> None:
        self.deadline = deadline
        self.job: Path | None = None
        self.network: BlueskyNetwork | None = None
        self.started_in: float | None = None  # seconds from launch to ready
        self._postgres: subprocess.Popen[bytes] | None = None
        self._node: subprocess.Popen[bytes] | None = None
        self._drain: threading.Thread | None = None

    def __enter__(self) -> BlueskyNetwork:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> BlueskyNetwork:
        if self.network is not None:
            return self.network
        if not NODE.exists():
            raise NetworkStartError(
                f"{NODE} is missing: tests/atproto is not installed. "
                "Run ./scripts/install.sh test (./scripts/test.sh does it)."
            )
        began = time.monotonic()
        _sweep_stale_jobs()
        self.job = Path(tempfile.mkdtemp(prefix=JOB_PREFIX))
        (self.job / "owner.pid").write_text(str(os.getpid()), encoding="utf-8")
        try:
            database_url = self._start_postgres(began + self.deadline)
            self.network = self._start_node(database_url, began + self.deadline)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - began
        return self.network

    def stop(self) -> None:
        if self._node is not None:
            _end(self._node, signal.SIGTERM)
            self._node = None
        if self._drain is not None:
            self._drain.join(timeout=5)
            self._drain = None
        if self._postgres is not None:
            _end(self._postgres, signal.SIGINT)  # PostgreSQL's "fast" shutdown
            self._postgres = None
        if self.job is not None:
            shutil.rmtree(self.job, ignore_errors=True)
            self.job = None
        self.network = None

    # PostgreSQL -------------------------------------------------------------------------

    def _start_postgres(self, deadline: float) -> str:
        assert self.job is not None
        bindir = _postgres_bindir()
        as_postgres = os.geteuid() == 0  # initdb refuses to run as root
        pg = self.job / "postgres"
        pg.mkdir()
        (pg / "socket").mkdir()
        if as_postgres:
            self.job.chmod(0o711)  # postgres may pass through to its own folder only
            for path in (pg, pg / "socket"):
                shutil.chown(path, "postgres", "postgres")
        user = "postgres" if as_postgres else None
        groups: list[str] | None = [] if as_postgres else None
        log = (self.job / "postgres.log").open("ab")
        with log:
            initdb = subprocess.run(
                [
                    str(bindir / "initdb"),
                    "--pgdata", str(pg / "data"),
                    "--username", "postgres",
                    "--auth", "trust",
                    "--encoding", "UTF8",
                    "--no-locale",
                    "--no-sync",
                ],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=_postgres_env(),
                user=user, group=user, extra_groups=groups, check=False,
            )  # fmt: skip
            if initdb.returncode != 0:
                raise NetworkStartError(f"initdb failed:\n{_tail(self.job / 'postgres.log')}")
            port = _free_port()
            self._postgres = subprocess.Popen(
                _with_parent_death_signal([
                    str(bindir / "postgres"),
                    "-D", str(pg / "data"),
                    "-p", str(port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", f"unix_socket_directories={pg / 'socket'}",
                    "-c", "fsync=off",
                    "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off",
                    "-c", "max_connections=200",
                ], "INT"),
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=_postgres_env(),
                user=user, group=user, extra_groups=groups,
            )  # fmt: skip
        while True:
            ready = subprocess.run(
                [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                check=False,
            )  # fmt: skip
            if ready.returncode == 0:
                return f"postgresql://postgres@127.0.0.1:{port}/postgres"
            if self._postgres.poll() is not None or time.monotonic() > deadline:
                raise NetworkStartError(
                    f"PostgreSQL did not start:\n{_tail(self.job / 'postgres.log')}"
                )
            time.sleep(0.05)

    # Node -------------------------------------------------------------------------------

    def _start_node(self, database_url: str, deadline: float) -> BlueskyNetwork:
        assert self.job is not None
        tmp = self.job / "tmp"
        tmp.mkdir()
        log_path = self.job / "node.log"
        env = {
            **os.environ,
            "TMPDIR": str(tmp),
            "DB_POSTGRES_URL": database_url,
            "DB_POSTGRES_SCHEMA": "pantau",
            "REDIS_HOST": "127.0.0.1:1",  # dev-env insists on it; nothing connects
        }
        env.pop("NODE_OPTIONS", None)
        with log_path.open("ab") as log:
            self._node = subprocess.Popen(
                [
                    str(NODE),
                    "--dns-result-order=ipv4first",
                    "--import", "./loopback.mjs",
                    "network.mjs",
                ],
                cwd=ATPROTO_DIR, env=env,
                # Node also ends when its stdin closes, i.e. when this process dies.
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
            )  # fmt: skip
        assert self._node.stdout is not None
        ready = _read_ready_line(self._node, self._node.stdout, deadline)
        if ready is None:
            code = self._node.poll()
            why = f"exited with {code}" if code is not None else "gave no ready line in time"
            raise NetworkStartError(
                f"The Bluesky test network {why} (log {log_path}):\n{_tail(log_path)}"
            )
        # Whatever Node prints later (pino logs with LOG_ENABLED=true) must not fill the pipe.
        self._drain = threading.Thread(
            target=_copy_to, args=(self._node.stdout, log_path), daemon=True
        )
        self._drain.start()
        return BlueskyNetwork(
            pds=str(ready["pds"]),
            appview=str(ready["appview"]),
            plc=str(ready["plc"]),
            chat=str(ready["chat"]),
            chat_did=str(ready["chat_did"]),
        )


def _sweep_stale_jobs() -> None:
    """Job folders of runs that were killed (their owner is gone) are deleted."""
    for job in Path(tempfile.gettempdir()).glob(f"{JOB_PREFIX}*"):
        try:
            owner = int((job / "owner.pid").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            shutil.rmtree(job, ignore_errors=True)
        except PermissionError:
            pass  # someone else's live process


def _postgres_bindir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps them versioned)."""
    found = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        match = re.fullmatch(r"\d+", initdb.parent.parent.name)
        if match:
            found.append((int(initdb.parent.parent.name), initdb.parent))
    if found:
        return max(found)[1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise NetworkStartError(
        "PostgreSQL is not installed (no initdb): run ./scripts/install.sh test."
    )


def _postgres_env() -> dict[str, str]:
    keep = ("PATH", "TZ")
    return {"LC_ALL": "C", **{k: v for k, v in os.environ.items() if k in keep}}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _with_parent_death_signal(command: list[str], sig: str) -> list[str]:
    """`command` run so that Linux sends it `sig` when this process dies (a killed pytest
    leaves no PostgreSQL behind); util-linux's setpriv sets it, then execs the command."""
    setpriv = shutil.which("setpriv")
    return [setpriv, f"--pdeathsig={sig}", "--", *command] if setpriv else command


def _read_ready_line(
    process: subprocess.Popen[bytes], stdout: IO[bytes], deadline: float
) -> dict[str, object] | None:
    """The first stdout line that is the network's ready JSON, or None (exit or timeout)."""
    buffer = b""
    fd = stdout.fileno()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=min(left, 1.0)):
                if process.poll() is not None:
                    return None
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                with contextlib.suppress(ValueError):
                    ready = json.loads(line)
                    if isinstance(ready, dict) and "pds" in ready and "chat_did" in ready:
                        return ready
    return None


def _copy_to(stream: IO[bytes], path: Path) -> None:
    fd = stream.fileno()  # read as _read_ready_line does: unbuffered, whatever is there
    with path.open("ab") as out:
        for chunk in iter(lambda: os.read(fd, 65536), b""):
            out.write(chunk)
            out.flush()


def _end(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(sig)
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=STOP_DEADLINE)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def _tail(path: Path, lines: int = LOG_TAIL) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return f"(no log: {error})"
    return "\n".join(text.splitlines()[-lines:])


# The pytest fixture -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def bluesky_network() -> Iterator[BlueskyNetwork]:
    """The running local network; started on first use, stopped at the end of the session."""
    with LocalBlueskyNetwork() as network:
        yield network


# XRPC helpers for tests -------------------------------------------------------------------


def xrpc_url(base: str, nsid: str) -> str:
    return f"{base.rstrip('/')}/xrpc/{nsid}"


def auth_headers(session: Session) -> dict[str, str]:
    return {"Authorization": f"Bearer {session.access_jwt}"}


def chat_headers(network: BlueskyNetwork, session: Session) -> dict[str, str]:
    """Headers for a chat.bsky.* call sent to the PDS, which proxies it to the chat service."""
    return {**auth_headers(session), "atproto-proxy": network.chat_proxy}


def _session(body: object) -> Session:
    assert isinstance(body, dict), body
    return Session(
        did=str(body["did"]),
        handle=str(body["handle"]),
        access_jwt=str(body["accessJwt"]),
        refresh_jwt=str(body["refreshJwt"]),
    )


def _post(url: str, body: Mapping[str, object], headers: Mapping[str, str] | None = None) -> object:
    response = httpx.post(url, json=body, headers=headers, timeout=30)
    if response.is_error:
        raise AssertionError(f"POST {url} -> {response.status_code}: {response.text}")
    return response.json()


def create_account(network: BlueskyNetwork, handle: str, email: str, password: str) -> Session:
    """com.atproto.server.createAccount on the PDS; handles end with `.test` here."""
    body = {"handle": handle, "email": email, "password": password}
    return _session(_post(xrpc_url(network.pds, "com.atproto.server.createAccount"), body))


def create_session(network: BlueskyNetwork, identifier: str, password: str) -> Session:
    """com.atproto.server.createSession: log in with a handle or DID and a (app) password."""
    body = {"identifier": identifier, "password": password}
    return _session(_post(xrpc_url(network.pds, "com.atproto.server.createSession"), body))


def create_app_password(
    network: BlueskyNetwork, session: Session, name: str, privileged: bool = True
) -> str:
    """A new app password; `privileged` is the "allow access to direct messages" option."""
    created = _post(
        xrpc_url(network.pds, "com.atproto.server.createAppPassword"),
        {"name": name, "privileged": privileged},
        auth_headers(session),
    )
    assert isinstance(created, dict), created
    return str(created["password"])


def wait_until(
    predicate: Callable[[], T | None], deadline: float = 10.0, interval: float = 0.05
) -> T:
    """Calls `predicate` until it returns something truthy (returned) or `deadline` seconds
    have passed (TimeoutError with the last value). Exceptions from `predicate` propagate."""
    end = time.monotonic() + deadline
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= end:
            raise TimeoutError(f"not true within {deadline} s; last value: {value!r}")
        time.sleep(interval)
