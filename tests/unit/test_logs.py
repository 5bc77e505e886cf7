"""app.logs: the rotating log file and its redaction of anything shaped like a secret."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app import logs

log = logging.getLogger("pantau.test_logs")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.setup_logging(tmp_path / "log", console=False)
    yield path
    for handler in logging.getLogger().handlers:
        handler.flush()
    logs.setup_logging(tmp_path / "log-after", console=False)  # closes the handler of `path`


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_setup_writes_a_rotating_file(log_file: Path) -> None:
    assert log_file.name == "pantau.log"
    log.info("Deck opened with %d columns", 5)
    assert "Deck opened with 5 columns" in read(log_file)
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [(h.maxBytes, h.backupCount) for h in handlers] == [(1_000_000, 5)]


def test_setup_twice_replaces_its_handlers(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "a")
    second = logs.setup_logging(tmp_path / "b")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(ours) == 1
    assert Path(ours[0].baseFilename) == second
    logs.setup_logging(tmp_path / "c", console=False)


def test_registered_secret_is_redacted(log_file: Path) -> None:
    secret = "s3cr3t-token-value-Zq9"
    logs.register_secret(secret)
    log.info("token is %s", secret)
    log.info("embedded:%s:end and %r", secret, {"t": secret})
    text = read(log_file)
    assert secret not in text
    assert "token is [redacted]" in text


@pytest.mark.log_warnings
def test_traceback_is_redacted(log_file: Path) -> None:
    secret = "tb-secret-9f8e7d6c5b"
    logs.register_secret(secret)
    try:
        raise RuntimeError(f"server said {secret}")
    except RuntimeError:
        log.exception("request failed")
    text = read(log_file)
    assert "request failed" in text
    assert "RuntimeError" in text
    assert secret not in text


@pytest.mark.parametrize(
    ("line", "token"),
    [
        ("Authorization: Bearer abcDEF123.xyz_-~+/=", "abcDEF123"),
        ("headers={'Authorization': 'Bearer hdrTOKEN12345', 'Accept': 'json'}", "hdrTOKEN12345"),
        ('{"authorization": "Basic dXNlcjpwYXNz"}', "dXNlcjpwYXNz"),
        ("GET https://m.example/api?access_token=qwertyuiop123&limit=40", "qwertyuiop123"),
        ("POST /oauth/token refresh_token=rt-0987654321", "rt-0987654321"),
        ('{"accessJwt": "aj.token.value", "did": "did:plc:x"}', "aj.token.value"),
        ("{'refreshJwt': 'rj-value-001'}", "rj-value-001"),
        ('login {"identifier": "humas", "password": "correct horse battery"}', "horse"),
        ("password=hunter22&user=admin", "hunter22"),
        ("session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl ok", "c2lnbmF0dXJl"),
    ],
)
def test_token_shapes_are_redacted(log_file: Path, line: str, token: str) -> None:
    log.info("%s", line)
    text = read(log_file)
    assert token not in text
    assert "[redacted]" in text


def test_ordinary_text_is_left_alone() -> None:
    line = "Wrong password for @humas@mastodon.go.id; authorization expired, sign in again"
    assert logs.redact(line) == line


def test_bad_format_arguments_still_log_redacted(log_file: Path) -> None:
    secret = "fmt-secret-1234567"
    logs.register_secret(secret)
    log.info("two %s %s but one", secret)  # noqa: PLE1206 - the mistake under test
    text = read(log_file)
    assert "two" in text
    assert secret not in text


@given(
    secret=st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1),
    before=st.text(),
    after=st.text(),
)
def test_redact_never_returns_a_registered_secret(secret: str, before: str, after: str) -> None:
    assume(secret.strip() and secret not in logs.REDACTED)
    # A fresh registry per example: random secrets must not redact other tests' log lines.
    with patch.object(logs, "_secrets", set()):
        logs.register_secret(secret)
        assert secret not in logs.redact(before + secret + after)
