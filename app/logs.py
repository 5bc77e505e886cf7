"""Logging to a rotating file, with every line scrubbed of tokens and passwords first."""

from __future__ import annotations

import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "pantau.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "[redacted]"

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_secrets: set[str] = set()
_secrets_lock = threading.Lock()

# Patterns for secrets we never registered: a header or JSON body logged by a library, a token
# in a URL query. Each keeps its first group (the name) and replaces the value.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # Authorization: Bearer x / 'Authorization': 'Basic x' / authorization=x
    re.compile(r"""(?i)(\bauthorization\b["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\r\n,;}]+)"""),
    # a bearer token anywhere, e.g. in a repr of a header list
    re.compile(r"(?i)(\bbearer\s+)([A-Za-z0-9._~+/=-]+)"),
    # key=value, "key": "value", key: value in URLs, JSON, reprs and prose
    re.compile(
        r"""(?i)(\b(?:access_?token|refresh_?token|id_token|access_?jwt|refresh_?jwt|"""
        r"""client_secret|app_?password|password|passwd)\b["']?\s*[:=]\s*)"""
        r"""("[^"]*"|'[^']*'|[^\s&,;"'}\])]+)"""
    ),
    # any JWT (Bluesky session tokens, X OAuth2), whatever it is called
    re.compile(r"()(\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"),
)


def register_secret(value: str) -> None:
    """Redact `value` from every later log line (credentials calls this for each token)."""
    # A part of the marker itself could never be replaced for good; no real token is one.
    if value.strip() and value not in REDACTED:
        with _secrets_lock:
            _secrets.add(value)


def _replace_known(text: str, known: list[str]) -> str:
    # Repeated because a replacement can complete a new occurrence, e.g. secret "d]x" in
    # "d]xx" -> "[redacted]x"; each round consumes original text, so a few rounds suffice.
    for _ in range(8):
        hits = [secret for secret in known if secret in text]
        if not hits:
            break
        for secret in hits:
            text = text.replace(secret, REDACTED)
    return text


def redact(text: str) -> str:
    """`text` with registered secrets and anything shaped like a token replaced."""
    with _secrets_lock:
        # Longest first, so a secret that contains another is replaced whole.
        known = sorted(_secrets, key=len, reverse=True)
    # Known secrets before the patterns, so no pattern can cut one in half and leave a piece.
    text = _replace_known(text, known)
    for pattern in _PATTERNS:
        text = pattern.sub(_keep_name, text)
    return _replace_known(text, known)


def _keep_name(match: re.Match[str]) -> str:
    value = match.group(2)
    quote = value[0] if value[:1] in {'"', "'"} else ""
    return f"{match.group(1)}{quote}{REDACTED}{quote}"


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, traceback and stack in place before a handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A bad format string must not stop the line, nor leak its arguments unscrubbed.
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_installed: list[logging.Handler] = []


def setup_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = True) -> Path:
    """Send all logging to `log_dir`/pantau.log (1 MB x 5) and warnings to stderr; return the file.

    Calling it again replaces the handlers it installed before (tests, a profile switch).
    """
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
        old.close()
    _installed.clear()

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    redacting = RedactingFilter()
    file_handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler.addFilter(redacting)
    _installed.append(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream.addFilter(redacting)
        _installed.append(stream)
    for handler in _installed:
        root.addHandler(handler)
    root.setLevel(level)
    return path
