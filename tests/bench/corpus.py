"""Realistic material for the benchmarks: Indonesian posts of a Central Java complaint desk
and an LPSE help desk (#KemalaJateng, #LPSE, threads, links, emoji, media, remote authors),
as plain text, as GoToSocial's HTML and as Status JSON varied from the recorded fixtures.

Everything is drawn from a seeded random.Random, so a seed gives the same material on every
run and machine. The word frequencies follow the desk's day: roads ("jalan") lead, as they
did in the real #KemalaJateng reports; villages make a long tail of rare words.
"""

from __future__ import annotations

import copy
import html
import json
import random
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from tests.mastodon_server import hashtag_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mastodon"
BASE = "https://sosmed.jatengprov.go.id"

FIRST = (
    "Budi", "Agus", "Siti", "Sri", "Dewi", "Wahyu", "Eko", "Rina", "Joko", "Tri", "Yuni", "Nur",
    "Ahmad", "Muhammad", "Dian", "Indah", "Bambang", "Slamet", "Sugeng", "Endang", "Lestari",
    "Rizky", "Fajar", "Putri", "Ayu", "Dimas", "Bayu", "Galih", "Ratna", "Wulan", "Heru",
    "Teguh", "Hendra", "Yusuf", "Fitri", "Anisa", "Rahmat", "Arif", "Lukman", "Sutrisno",
    "Sumarni", "Kartini", "Prasetyo", "Gilang", "Nanda", "Adit", "Yoga", "Bagus", "Citra",
    "Novi", "Tika", "Ilham", "Rudi", "Hari", "Anton", "Setyo", "Danang",
)  # fmt: skip
LAST = (
    "Santoso", "Wibowo", "Susanto", "Purnomo", "Hidayat", "Saputra", "Nugroho", "Setiawan",
    "Kurniawan", "Rahayu", "Wijaya", "Pratama", "Utomo", "Handoko", "Haryanto", "Sulistyo",
    "Wahyudi", "Prabowo", "Lestari", "Maharani", "Permana", "Hartono", "Suryadi", "Kusuma",
    "Firmansyah", "Ramadhan", "Anggraini", "Puspita", "Hakim", "Syahputra",
)  # fmt: skip
MEDIA_TEXTS = (
    "Foto lubang jalan", "Kondisi jalan pagi ini", "", "Genangan di depan rumah",
    "Video banjir", "Tangkapan layar SPSE",
)  # fmt: skip
NAME_EMOJI = ("", "", "", "", " 🏍️", " 🌾", " 🏙️", " ☕", " 🇮🇩", " 🌧️", " 🚜", " 📷")
REMOTE = (
    "mastodon.social",
    "kolektiva.social",
    "mstdn.id",
    "sosial.jatengprov.go.id",
    "idn.social",
)
KABUPATEN = (
    "Semarang", "Kendal", "Demak", "Kudus", "Jepara", "Pati", "Rembang", "Blora", "Grobogan",
    "Boyolali", "Klaten", "Sukoharjo", "Wonogiri", "Karanganyar", "Sragen", "Magelang",
    "Temanggung", "Wonosobo", "Purworejo", "Kebumen", "Banjarnegara", "Purbalingga", "Banyumas",
    "Cilacap", "Brebes", "Tegal", "Pemalang", "Pekalongan", "Batang", "Salatiga", "Surakarta",
)  # fmt: skip
PREFIX = (
    "Karang", "Sumber", "Tanjung", "Kali", "Wono", "Sido", "Ngemplak", "Banyu", "Tegal", "Jati",
    "Krajan", "Purwo", "Suko", "Gedong", "Mulyo", "Rejo",
)  # fmt: skip
SUFFIX = (
    "jati", "rejo", "sari", "mulyo", "harjo", "asri", "agung", "kidul", "lor", "wetan", "kulon",
    "tengah", "makmur", "arum",
)  # fmt: skip
ROADS = (
    "Jl. Pandanaran", "Jl. Pemuda", "Jl. Siliwangi", "Jl. Majapahit", "Jl. Kaligawe",
    "Jl. Setiabudi", "jalan provinsi Semarang–Purwodadi", "jalan desa", "jalan kampung",
    "jalan alternatif", "Jl. Ahmad Yani", "Jl. Diponegoro", "jalur pantura", "Jl. Gajah Mada",
)  # fmt: skip
OPENERS = (
    "", "", "", "Lapor,", "Min,", "Permisi min,", "Selamat pagi,", "Selamat siang admin,",
    "Assalamualaikum,", "Mohon info,", "Izin melapor,", "Halo @humasjateng,", "Tolong,",
)  # fmt: skip
DAMAGE = (
    "rusak parah", "berlubang besar", "amblas", "retak memanjang", "tergenang air",
    "licin berlumpur", "aspalnya mengelupas", "rusak dan gelap di malam hari",
)  # fmt: skip
SINCE = (
    "sejak 2 minggu lalu", "sejak awal tahun", "sejak musim hujan", "dari kemarin sore",
    "sudah berbulan-bulan", "sejak lebaran", "sejak proyek galian kabel", "",
)  # fmt: skip
ASKS = (
    "Mohon segera diperbaiki.", "Mohon ditindaklanjuti 🙏", "Kapan diperbaiki ya?",
    "Sudah ada pengendara motor jatuh.", "Warga sudah lapor ke desa tapi belum ada respon.",
    "Tolong dicek ke lokasi.", "Anak-anak sekolah lewat sini tiap hari.", "Bahaya kalau malam 😡",
)  # fmt: skip
OTHER_TOPICS = (
    ("Lampu PJU di {road} {kab} mati total", "sudah seminggu gelap gulita"),
    ("Saluran drainase di Desa {desa} tersumbat sampah", "kalau hujan langsung banjir"),
    ("Jembatan penghubung Desa {desa} dan {desa2} retak", "truk masih lewat"),
    ("Tumpukan sampah di pasar {kab} belum diangkut", "baunya sampai permukiman"),
    ("Air PDAM di Kec. {desa} tidak mengalir", "sudah tiga hari"),
    ("Pohon tumbang menutup {road} dekat Desa {desa}", "lalu lintas macet"),
    ("Irigasi sawah di Desa {desa} kering", "petani gagal tanam"),
    ("Antrean e-KTP di Disdukcapil {kab} panjang sekali", "blangko katanya habis"),
    ("Parkir liar di depan RSUD {kab}", "ambulans susah lewat"),
    ("Banjir rob di Kel. {desa}", "sudah setinggi lutut"),
)  # fmt: skip
LPSE_QUESTIONS = (
    "cara upload dokumen penawaran di SPSE gimana ya? Selalu gagal di tahap {step}",
    "apakah SBU wajib diunggah untuk paket {paket}?",
    "akun SPSE kami terkunci setelah ganti email, mohon dibantu verifikasi",
    "jadwal pembuktian kualifikasi paket {paket} diundur sampai kapan?",
    "kenapa e-Katalog tidak bisa login sejak update kemarin?",
    "apakah jaminan penawaran bisa pakai surety bond untuk {paket}?",
)  # fmt: skip
LPSE_STEPS = ("enkripsi Apendo", "unggah file", "kirim penawaran", "verifikasi OTP", "isi harga")
PAKET = (
    "Rehabilitasi Jalan Ruas Kudus–Jepara", "Pembangunan Gedung Puskesmas", "Pengadaan Laptop Sekolah",  # noqa: E501
    "Normalisasi Sungai Tuntang", "Peningkatan Jalan Desa {desa}", "Jasa Konsultansi Pengawasan",
    "Pemeliharaan Jembatan {desa}", "Pengadaan Alat Kesehatan RSUD {kab}",
)  # fmt: skip
ANNOUNCE = (
    "Pengumuman tender {paket}, HPS Rp {hps} miliar. Batas akhir unggah penawaran {date}. Info: {link}",  # noqa: E501
    "Reminder: sosialisasi SPSE versi terbaru untuk penyedia hari {day} pukul 09.00 WIB di aula {kab}.",  # noqa: E501
    "Tips: enkripsi dokumen penawaran minimal H-1 agar tidak terkendala jaringan. Panduan: {link}",
    "Layanan helpdesk LPSE tutup sementara {day} karena pemeliharaan server. Mohon maaf 🙏",
)  # fmt: skip
REPLIES = (
    "Terima kasih laporannya, Kak. Sudah kami teruskan ke {opd} untuk ditindaklanjuti.",
    "Laporan diterima 🙏 Tim {opd} dijadwalkan cek lokasi {day}.",
    "Mohon kirimkan titik lokasi (share loc) dan foto terbaru via DM ya.",
    "Update: perbaikan sudah masuk jadwal pemeliharaan triwulan ini. Terima kasih atas kesabarannya.",  # noqa: E501
    "Untuk kendala SPSE silakan hubungi helpdesk LPSE di nomor yang tertera di {link}",
    "Sudah kami sampaikan ke {opd}. Nomor tiket #{ticket}.",
)  # fmt: skip
CHATTER = (
    "Alhamdulillah {road} di {kab} sudah mulus sekarang, terima kasih 👍",
    "Info lalu lintas: {road} padat merayap arah {kab} 🚗🚗",
    "Hujan deras di {kab} sore ini, hati-hati di jalan ya 🌧️",
    "Baca berita: pemprov alokasikan anggaran perbaikan jalan provinsi {link}",
    "Mantap, pelayanan Samsat {kab} sekarang cepat ⚡",
    "Ada yang tahu jadwal car free day {kab} minggu ini?",
)  # fmt: skip
OPD = (
    "DPU Bina Marga Cipta Karya", "Dinas PU SDA Taru", "Dishub Jateng", "DLHK",
    "BPBD", "Disdukcapil", "DPUPR Kab. {kab}", "Dinas Perkim",
)  # fmt: skip
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "besok", "minggu depan")
EMOJI = ("🙏", "😡", "🚧", "🕳️", "🏍️", "😭", "👍", "⚠️", "🌧️", "😤", "🙏🙏", "")
TAGS_COMPLAINT = ("#KemalaJateng", "#KemalaJateng", "#KemalaJateng", "#LaporGub", "#JalanRusak")
TAGS_LPSE = ("#LPSE", "#RakornasLPSE", "#SPSE", "#PengadaanJateng")
MENTIONS = ("@humasjateng", "@dpubinmarcipka", "@lpse_admin", "@dishubjateng")
LINKS = (
    "https://maps.app.goo.gl/{code}", "https://lpse.jatengprov.go.id/eproc4/lelang/{n}/pengumumanlelang",
    "https://jatengprov.go.id/berita/{n}", "https://s.id/{code}", "https://youtu.be/{code}",
)  # fmt: skip
CODE_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_TOKEN = re.compile(r"#\w+|@\w+(?:@[\w.]+)?|https?://[^\s<]+")


@cache
def recorded(name: str) -> dict[str, object]:
    """A recorded response body (the first item of a list), not to be changed."""
    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    body = data["response"]["body"]
    if isinstance(body, list):
        body = body[0]
    assert isinstance(body, dict)
    return body


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    username: str
    acct: str  # bare for the server's own users, user@domain for remote ones
    display_name: str
    url: str
    avatar: str


@dataclass(frozen=True, slots=True)
class Draft:
    """One generated post before it is shaped as JSON: its text and what it points at."""

    text: str
    kind: str  # "complaint", "other", "lpse", "announce", "reply", "chatter"
    media: int = 0
    spoiler: str = ""


def ulid_like(n: int) -> str:
    """GoToSocial-shaped ids (26 characters) that sort in `n` order."""
    return f"01N{n:023d}"


def gts_stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class Writer:
    """Draws authors and posts; one instance per seed."""

    def __init__(self, seed: int, *, authors: int = 3000, base: str = BASE) -> None:
        self.rng = random.Random(seed)
        self.base = base
        self.villages = [
            p + s for p in PREFIX for s in SUFFIX if p.lower() != s
        ]  # ~250 names; rare words of the index
        self.authors = [self._author(n) for n in range(authors)]

    # --- people ------------------------------------------------------------------------

    def _author(self, n: int) -> Author:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        username = f"{first.lower()}_{last.lower()[:4]}{r.randrange(10, 999)}"
        remote = r.random() < 0.3
        domain = r.choice(REMOTE) if remote else ""
        acct = f"{username}@{domain}" if remote else username
        home = f"https://{domain}" if remote else self.base
        emoji = r.choice(NAME_EMOJI)
        display = r.choice((f"{first} {last}{emoji}", f"{first}{emoji}", f"{first} {last[0]}."))
        return Author(
            id=ulid_like(10**15 + n),
            username=username,
            acct=acct,
            display_name=display,
            url=f"{home}/@{username}",
            avatar=f"{self.base}/fileserver/{n}/avatar/original/{n}.webp",
        )

    def author(self) -> Author:
        # A few people post a lot, most rarely: index by a skewed draw.
        return self.authors[int(len(self.authors) * self.rng.random() ** 2.2)]

    # --- words ---------------------------------------------------------------------------

    def _fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            kab=r.choice(KABUPATEN),
            desa=r.choice(self.villages),
            desa2=r.choice(self.villages),
            road=r.choice(ROADS),
            step=r.choice(LPSE_STEPS),
            paket=r.choice(PAKET).format(desa=r.choice(self.villages), kab=r.choice(KABUPATEN)),
            hps=f"{r.randrange(1, 40)},{r.randrange(10, 99)}",
            date=f"{r.randrange(1, 28)} {r.choice(('Maret', 'Juni', 'Agustus', 'Oktober'))} 2026",
            day=r.choice(DAYS),
            opd=r.choice(OPD).format(kab=r.choice(KABUPATEN)),
            ticket=r.randrange(1000, 99999),
            link=self._link(),
        )

    def _link(self) -> str:
        r = self.rng
        code = "".join(r.choice(CODE_CHARS) for _ in range(8))
        return r.choice(LINKS).format(code=code, n=r.randrange(100000, 9999999))

    def draft(self) -> Draft:
        """A post of the desk's usual mix."""
        r = self.rng
        roll = r.random()
        if roll < 0.42:
            road = r.choice(ROADS)
            where = f"{road} Desa {r.choice(self.villages)}, {r.choice(KABUPATEN)}"
            parts = [r.choice(OPENERS), where, r.choice(DAMAGE), r.choice(SINCE) + ".",
                     r.choice(ASKS)]  # fmt: skip
            if r.random() < 0.3:
                parts.append(self._link())
            parts += [r.choice(MENTIONS) if r.random() < 0.4 else "", r.choice(TAGS_COMPLAINT),
                      r.choice(EMOJI)]  # fmt: skip
            kind = "complaint"
        elif roll < 0.60:
            head, tail = r.choice(OTHER_TOPICS)
            parts = [r.choice(OPENERS), self._fill(head) + ",", tail + ".", r.choice(ASKS),
                     r.choice(TAGS_COMPLAINT), r.choice(EMOJI)]  # fmt: skip
            kind = "other"
        elif roll < 0.70:
            parts = [r.choice(("Min,", "Admin,", "Permisi,", "Halo @lpse_admin,")),
                     self._fill(r.choice(LPSE_QUESTIONS)), r.choice(TAGS_LPSE)]  # fmt: skip
            kind = "lpse"
        elif roll < 0.76:
            parts = [self._fill(r.choice(ANNOUNCE)), r.choice(TAGS_LPSE), "#LPSE"]
            kind = "announce"
        elif roll < 0.90:
            parts = [self._fill(r.choice(REPLIES)), "#KemalaJateng" if r.random() < 0.5 else ""]
            kind = "reply"
        else:
            parts = [self._fill(r.choice(CHATTER)), r.choice(("", "#InfoJateng", "#Semarang"))]
            kind = "chatter"
        text = " ".join(p for p in parts if p)
        if r.random() < 0.08:  # a second paragraph
            text += "\n\n" + r.choice(ASKS) + " " + r.choice(EMOJI)
        media = (
            r.choice((1, 1, 1, 2, 4)) if kind in ("complaint", "other") and r.random() < 0.35 else 0
        )
        spoiler = "Kecelakaan lalu lintas" if kind == "complaint" and r.random() < 0.02 else ""
        return Draft(text.strip(), kind, media, spoiler)

    # --- shapes ----------------------------------------------------------------------------

    def render(self, text: str) -> str:
        """Content HTML as GoToSocial makes it from plain text (see the fake's render)."""

        def link(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.startswith("#"):
                return hashtag_html(self.base, word[1:])
            if word.startswith("@"):
                user = word[1:].split("@")[0]
                return (
                    f'<span class="h-card"><a href="{self.base}/@{user}" class="u-url mention" '
                    f'rel="nofollow noreferrer noopener" target="_blank">@<span>{user}</span>'
                    "</a></span>"
                )
            return f'<a href="{word}" rel="nofollow noreferrer noopener" target="_blank">{word}</a>'

        paragraphs = []
        for para in text.split("\n\n"):
            escaped = html.escape(para, quote=False)
            paragraphs.append("<p>" + _TOKEN.sub(link, escaped).replace("\n", "<br>") + "</p>")
        return "".join(paragraphs)

    def account_json(self, author: Author) -> dict[str, object]:
        data = copy.deepcopy(recorded("04-verify-credentials-warga1"))
        for private in ("source", "role", "roles"):
            data.pop(private, None)
        data.update(
            id=author.id,
            username=author.username,
            acct=author.acct,
            display_name=author.display_name,
            url=author.url,
            avatar=author.avatar,
            avatar_static=author.avatar,
            followers_count=self.rng.randrange(0, 5000),
            following_count=self.rng.randrange(0, 900),
            statuses_count=self.rng.randrange(1, 20000),
            note="<p>Warga Jawa Tengah</p>",
        )
        return data

    def media_json(self, n: int, count: int) -> list[dict[str, object]]:
        items = []
        for k in range(count):
            attachments = recorded("64-status-create-with-media")["media_attachments"]
            assert isinstance(attachments, list)
            data = copy.deepcopy(attachments[0])
            media_id = ulid_like(5 * 10**15 + n * 8 + k)
            data.update(
                id=media_id,
                url=f"{self.base}/fileserver/media/original/{media_id}.jpeg",
                text_url=f"{self.base}/fileserver/media/original/{media_id}.jpeg",
                preview_url=f"{self.base}/fileserver/media/small/{media_id}.jpeg",
                description=self.rng.choice(MEDIA_TEXTS),
            )
            items.append(data)
        return items


class StatusMaker:
    """Status JSON (dicts) in GoToSocial's shape, varied from the recorded fixtures:
    plain posts (09), tagged (13/16), with media (64), behind a content warning (68),
    replies in threads (38), and boosts wrapping a status (11)."""

    def __init__(self, seed: int, *, authors: int = 3000, start: datetime | None = None) -> None:
        self.writer = Writer(seed, authors=authors)
        self.rng = self.writer.rng
        self._accounts = {a.id: self.writer.account_json(a) for a in self.writer.authors}
        self._n = 0
        self._at = start or datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
        self._recent: list[tuple[str, Author]] = []  # ids to reply to: threads

    def _next(self) -> tuple[str, datetime]:
        self._n += 1
        self._at += timedelta(milliseconds=self.rng.randrange(200, 90_000))
        return ulid_like(self._n), self._at

    def status(self) -> dict[str, object]:
        """The next status, newest so far; 5 % of them boosts of a fresh status."""
        if self.rng.random() < 0.05:
            inner = self._plain()
            outer = copy.deepcopy(recorded("11-reblog-announcement-warga2"))
            booster = self.writer.author()
            ident, at = self._next()
            outer.update(
                id=ident,
                created_at=gts_stamp(at)[:-4] + "000Z",  # GoToSocial: whole seconds
                uri=f"{BASE}/users/{booster.username}/statuses/{ident}",
                url=f"{BASE}/@{booster.username}/statuses/{ident}",
                account=self._accounts[booster.id],
                reblog=inner,
            )
            return outer
        return self._plain()

    def _plain(self) -> dict[str, object]:
        w, r = self.writer, self.rng
        draft = w.draft()
        author = w.author()
        ident, at = self._next()
        reply_to: tuple[str, Author] | None = None
        text = draft.text
        if draft.kind == "reply" and self._recent:
            reply_to = r.choice(self._recent[-200:])
            text = f"@{reply_to[1].acct} {text}"
        template = "68-status-create-content-warning" if draft.spoiler else (
            "16-status-create-public-both-tags" if "#" in text else
            "09-status-create-public-announcement-admin"
        )  # fmt: skip
        data = copy.deepcopy(recorded(template))
        tags = sorted({t[1:].lower() for t in re.findall(r"#\w+", text)})
        mentions = [
            {"id": ulid_like(9 * 10**15 + zlib.crc32(m.encode()) % 10**6),
             "username": m[1:].split("@")[0], "url": f"{BASE}/@{m[1:]}", "acct": m[1:]}
            for m in re.findall(r"@\w+(?:@[\w.]+)?", text)
        ]  # fmt: skip
        data.update(
            id=ident,
            created_at=gts_stamp(at),
            in_reply_to_id=reply_to[0] if reply_to else None,
            in_reply_to_account_id=reply_to[1].id if reply_to else None,
            sensitive=bool(draft.spoiler),
            spoiler_text=draft.spoiler,
            uri=f"{BASE}/users/{author.username}/statuses/{ident}",
            url=f"{BASE}/@{author.username}/statuses/{ident}",
            replies_count=r.choice((0, 0, 0, 1, 2, 5)),
            reblogs_count=r.choice((0, 0, 1, 3)),
            favourites_count=r.choice((0, 1, 2, 4, 12, 40)),
            content=w.render(text),
            text=text,
            account=self._accounts[author.id],
            media_attachments=w.media_json(self._n, draft.media),
            mentions=mentions,
            tags=[{"name": t, "url": f"{BASE}/tags/{t}"} for t in tags],
        )
        if draft.kind in ("complaint", "lpse", "other"):
            self._recent.append((ident, author))
        return data

    def statuses(self, count: int) -> Iterator[dict[str, object]]:
        for _ in range(count):
            yield self.status()


def pages(items: Sequence[dict[str, object]], size: int = 40) -> list[bytes]:
    """The items as response bodies of `size` statuses, newest first, as a server sends."""
    return [
        json.dumps(list(reversed(items[i : i + size])), ensure_ascii=False).encode()
        for i in range(0, len(items), size)
    ]
