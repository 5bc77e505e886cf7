"""Saved replies: placeholders, the `/keyword` shortcut, the file an office shares its set
in, and a default set for an LPSE help desk. No Qt here; the compose window uses it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from enum import StrEnum

from app.model import SavedReply

FILE_KIND = "pantau-saved-replies"
FILE_VERSION = 1
MAX_REPLIES = 1000
MAX_BODY = 5000

PLACEHOLDER = re.compile(r"\{([a-z_]{1,30})\}")
KEYWORD = re.compile(r"[a-z0-9_-]{1,30}")
_TOKEN_BEFORE_CURSOR = re.compile(r"(?:^|(?<=\s))/([a-z0-9_-]{1,30})$", re.IGNORECASE)

KNOWN_PLACEHOLDERS = ("nama", "akun", "tanggal")
"""Filled on insertion: the citizen's name and @handle, today's date. Any other
placeholder ({tautan}, {telepon}...) is left for the admin, who is taken to the first."""


def fill(body: str, values: Mapping[str, str]) -> str:
    """`body` with each known, non-empty placeholder replaced; others stay as written."""

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return PLACEHOLDER.sub(one, body)


def first_placeholder(text: str, start: int = 0) -> tuple[int, int] | None:
    """The character span of the first `{placeholder}` at or after `start`."""
    match = PLACEHOLDER.search(text, start)
    return (match.start(), match.end()) if match else None


def keyword_before(text: str, cursor: int) -> tuple[int, str] | None:
    """A `/keyword` typed right before the cursor: (where it starts, the keyword)."""
    match = _TOKEN_BEFORE_CURSOR.search(text[:cursor])
    return (match.start(), match.group(1).lower()) if match else None


def normal_keyword(text: str) -> str:
    return text.strip().lstrip("/").lower()


def valid_keyword(text: str) -> bool:
    return KEYWORD.fullmatch(text) is not None


# --- the shared file ---------------------------------------------------------------------


class FileProblem(StrEnum):
    NOT_JSON = "not-json"
    NOT_OURS = "not-ours"
    NEWER = "newer"
    BAD_ENTRY = "bad-entry"
    TOO_MANY = "too-many"


class UnreadableFile(Exception):
    """A file that cannot be imported: `problem` says why, `entry` which one (1-based)."""

    def __init__(self, problem: FileProblem, entry: int = 0) -> None:
        super().__init__(problem.value, entry)
        self.problem = problem
        self.entry = entry


def export_text(replies: Sequence[SavedReply]) -> str:
    data = {
        "kind": FILE_KIND,
        "version": FILE_VERSION,
        "replies": [{"keyword": r.keyword, "title": r.title, "body": r.body} for r in replies],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def import_text(text: str) -> list[SavedReply]:
    """The replies of an exported file, all checked before any is used."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise UnreadableFile(FileProblem.NOT_JSON) from None
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise UnreadableFile(FileProblem.NOT_OURS)
    version = data.get("version")
    if not isinstance(version, int) or version > FILE_VERSION:
        raise UnreadableFile(FileProblem.NEWER)
    entries = data.get("replies")
    if not isinstance(entries, list):
        raise UnreadableFile(FileProblem.NOT_OURS)
    if len(entries) > MAX_REPLIES:
        raise UnreadableFile(FileProblem.TOO_MANY)
    replies: list[SavedReply] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise UnreadableFile(FileProblem.BAD_ENTRY, number)
        keyword, title, body = (entry.get(k) for k in ("keyword", "title", "body"))
        if not (isinstance(keyword, str) and isinstance(title, str) and isinstance(body, str)):
            raise UnreadableFile(FileProblem.BAD_ENTRY, number)
        keyword = normal_keyword(keyword)
        if not valid_keyword(keyword) or not body.strip() or len(body) > MAX_BODY:
            raise UnreadableFile(FileProblem.BAD_ENTRY, number)
        replies.append(SavedReply(keyword, title.strip()[:200], body))
    return replies


# --- what a new desk starts with ---------------------------------------------------------

DEFAULTS: tuple[SavedReply, ...] = (
    SavedReply(
        "daftar",
        "Cara mendaftar sebagai penyedia",
        "Halo {nama}, untuk mendaftar sebagai penyedia silakan buat akun di {tautan}, lalu "
        "verifikasi berkas di kantor LPSE dengan membawa dokumen asli (KTP, NPWP, NIB). "
        "Terima kasih.",
    ),
    SavedReply(
        "sandi",
        "Lupa kata sandi SPSE",
        "Halo {nama}, untuk mengatur ulang kata sandi SPSE klik “Lupa Password” di halaman "
        "masuk, lalu buka tautan yang dikirim ke email terdaftar. Bila dalam 1 jam email "
        "belum diterima, hubungi helpdesk kami di {telepon}.",
    ),
    SavedReply(
        "unggah",
        "Gagal mengunggah dokumen penawaran",
        "Halo {nama}, pastikan dokumen penawaran sesuai format dan ukuran dalam dokumen "
        "pemilihan, dan gunakan aplikasi enkripsi versi terbaru. Bila masih gagal, kirim "
        "tangkapan layar pesan kesalahannya lewat pesan langsung.",
    ),
    SavedReply(
        "helpdesk",
        "Jam layanan dan kontak helpdesk",
        "Halo {nama}, helpdesk LPSE melayani Senin–Jumat pukul 08.00–16.00 WIB di "
        "{telepon} atau email {email}. Terima kasih.",
    ),
    SavedReply(
        "terima",
        "Laporan diterima dan diteruskan",
        "Terima kasih {nama}, laporan Anda sudah kami terima ({tanggal}) dan kami teruskan "
        "ke {instansi} untuk ditindaklanjuti paling lambat 5 hari kerja.",
    ),
)
