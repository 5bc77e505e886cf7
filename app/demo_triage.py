"""The demo's triage inbox: five weeks of #KemalaJateng reports, delegated, answered and
closed the way a provincial desk works, with some left late; and the reach of the office's
accounts over the same weeks. Deterministic for a seed."""

from __future__ import annotations

import hashlib
import html
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.model import (
    Account,
    Case,
    CaseAction,
    CaseEvent,
    CaseStatus,
    Engagement,
    Network,
    Person,
    Post,
)
from app.store import Store
from app.store_reach import own_feed
from app.workdays import WorkCalendar

OPERATORS = ("Ani (Humas)", "Budi (Humas)", "Citra (Diskominfo)")

# (topic, agency, weight, reports): the share each topic had, roads first as in Jawa Tengah.
_TOPICS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        "Jalan dan jembatan",
        "DPUBM",
        34,
        (
            "Jalan rusak parah di {place}, lubangnya dalam dan sudah ada pemotor jatuh.",
            "Jalan provinsi ruas {place} berlubang di banyak titik, mohon segera ditambal.",
            "Jembatan di {place} retak dan goyang kalau truk lewat. Mohon dicek.",
            "Aspal jalan di {place} mengelupas setelah hujan, licin dan berbahaya.",
        ),
    ),
    (
        "Penerangan jalan",
        "DISHUB",
        12,
        (
            "Lampu PJU di {place} mati sudah dua minggu, gelap dan rawan begal.",
            "PJU jalan lingkar {place} mati separuh, mohon diperbaiki.",
        ),
    ),
    (
        "Air bersih",
        "PDAM",
        12,
        (
            "Air PDAM di {place} mati sejak kemarin, tidak ada pemberitahuan.",
            "Air keruh dan berbau di {place}, tidak bisa dipakai masak.",
        ),
    ),
    (
        "Banjir dan sungai",
        "PSDA",
        10,
        (
            "Banjir lagi di {place}, saluran tersumbat sedimen. Mohon dinormalisasi.",
            "Tanggul sungai di {place} rembes, warga khawatir jebol saat hujan deras.",
        ),
    ),
    (
        "Sampah dan lingkungan",
        "DLH",
        8,
        ("Sampah menumpuk di TPS {place} sudah seminggu tidak diangkut, bau sekali.",),
    ),
    (
        "Transportasi",
        "DISHUB",
        8,
        (
            "Bus Trans Jateng koridor {place} sering terlambat lebih dari satu jam.",
            "Lampu lalu lintas di simpang {place} mati, macet parah tiap pagi.",
        ),
    ),
    (
        "Kesehatan",
        "DINKES",
        6,
        ("Antrean puskesmas di {place} sangat panjang, pendaftaran online tidak bisa.",),
    ),
    (
        "Pendidikan",
        "DISDIK",
        5,
        ("Atap ruang kelas SMA di {place} bocor, siswa belajar di lorong.",),
    ),
    (
        "Kependudukan",
        "DISDUKCAPIL",
        5,
        ("Sudah tiga bulan e-KTP belum jadi di {place}, katanya blangko habis.",),
    ),
)
_PLACES = (
    "Semarang", "Kudus", "Pati", "Demak", "Kendal", "Salatiga", "Magelang", "Klaten",
    "Boyolali", "Tegal", "Pekalongan", "Banyumas", "Cilacap", "Jepara", "Rembang", "Blora",
    "Sragen", "Wonogiri", "Purworejo", "Batang",
)  # fmt: skip
_NAMES = (
    ("Dwi Astuti", "dwi_astuti"), ("Rudi Hartono", "rudihartono"), ("Sri Wahyuni", "sriwahyu"),
    ("Agus Salim", "agus_s"), ("Ratna Dewi", "ratnadewi"), ("Eko Prasetyo", "ekoprast"),
    ("Siti Aminah", "sitiaminah"), ("Bambang S.", "bambang_smg"), ("Yuli Lestari", "yulilest"),
    ("Hendra Gunawan", "hendrag"), ("Wati Kusuma", "watikusuma"), ("Joko Susilo", "jokosus"),
)  # fmt: skip
_NOTES = (
    "Sudah diteruskan lewat grup WA OPD, menunggu jadwal survei.",
    "Pelapor dihubungi via DM untuk titik lokasi yang tepat.",
    "Masuk daftar pemeliharaan rutin minggu depan.",
    "Laporan serupa pernah masuk; dicek apakah lokasinya sama.",
)
_ANSWERS = (
    "Terima kasih laporannya. Sudah kami teruskan ke {agency}, tim akan cek lokasi.",
    "Laporan sudah ditindaklanjuti {agency}; perbaikan dijadwalkan minggu ini.",
)


def number_id(text: str) -> str:
    """A stable 18-digit id, the shape Mastodon and X use for accounts and posts."""
    digest = hashlib.sha256(text.encode()).digest()
    return str(10**17 + int.from_bytes(digest[:8], "big") % (9 * 10**17))


def _at_work_hour(cal: WorkCalendar, day_end: datetime, rng: random.Random) -> datetime:
    """A time between 08:00 and 16:00 on the working day that `day_end` ends."""
    start = day_end.replace(hour=8, minute=0, second=0, microsecond=0)
    return start + timedelta(minutes=rng.randrange(8 * 60))


def populate_cases(
    store: Store,
    inbox_id: int,
    *,
    account_id: str,
    cal: WorkCalendar,
    now: datetime,
    seed: int = 11,
) -> int:
    """Fill the inbox with the reports of the last five weeks; returns how many."""
    rng = random.Random(seed)
    builder = _Builder(store, inbox_id, account_id, cal, now, rng)
    local_now = now.astimezone(cal.zone)
    day = (local_now - timedelta(days=35)).date()
    made = 0
    weights = [t[2] for t in _TOPICS]
    while day <= local_now.date():
        count = rng.randint(2, 5) if cal.is_working_day(day) else rng.randint(0, 2)
        for _ in range(count):
            moment = datetime(day.year, day.month, day.day, tzinfo=cal.zone) + timedelta(
                minutes=rng.randrange(6 * 60, 22 * 60)
            )
            if moment >= local_now:
                continue
            topic, agency, _, texts = rng.choices(_TOPICS, weights)[0]
            made += 1
            builder.case(moment, topic, agency, texts)
        day += timedelta(days=1)
    return made


@dataclass(frozen=True, slots=True)
class _Builder:
    store: Store
    inbox_id: int
    account_id: str
    cal: WorkCalendar
    now: datetime
    rng: random.Random

    def case(self, received: datetime, topic: str, agency: str, texts: tuple[str, ...]) -> None:
        """One report and its life so far: forwarded, answered, closed, or still waiting."""
        store, inbox_id, account_id = self.store, self.inbox_id, self.account_id
        cal, now, rng = self.cal, self.now, self.rng
        name, handle = rng.choice(_NAMES)
        remote_id = number_id(f"{handle}{received.isoformat()}")
        text = rng.choice(texts).format(place=rng.choice(_PLACES)) + " #KemalaJateng"
        events: list[tuple[datetime, str, str, str, str]] = []
        actor = rng.choice(OPERATORS)
        status = CaseStatus.NEW
        assigned_at = answered_at = closed_at = None
        answer_url = ""
        roll = rng.random()
        if roll < 0.05:
            status = CaseStatus.NOT_COMPLAINT
            events.append((received + timedelta(hours=2), actor, CaseAction.STATUS, "new",
                           status.value))  # fmt: skip
        elif roll < 0.08:
            pass  # overlooked: still new, and late by now
        else:
            # Most are forwarded within a day or two; a few wait past the 3-day deadline.
            assign_after = rng.choices((0, 1, 2, 3, 5), (30, 35, 20, 8, 7))[0]
            assigned = _at_work_hour(cal, cal.deadline(received, assign_after), rng)
            assigned = max(assigned, received + timedelta(minutes=20))
            if assigned < now:
                status, assigned_at = CaseStatus.ASSIGNED, assigned
                events.append((assigned, actor, CaseAction.AGENCY, "", agency))
                events.append((assigned, actor, CaseAction.STATUS, "new", "assigned"))
                if rng.random() < 0.3:
                    events.append((assigned + timedelta(minutes=5), actor, CaseAction.NOTE, "",
                                   rng.choice(_NOTES)))  # fmt: skip
                answer_after = rng.choices((1, 2, 3, 4, 6, 8), (20, 25, 20, 15, 12, 8))[0]
                answered = _at_work_hour(cal, cal.deadline(assigned, answer_after), rng)
                if answered < now and roll > 0.13:  # the agency never answered 5 in 100
                    status, answered_at = CaseStatus.ANSWERED, answered
                    answer_url = f"https://x.com/humasjateng/status/{number_id(remote_id)}"
                    events.append((answered, actor, CaseAction.ANSWER, "", answer_url))
                    events.append((answered, actor, CaseAction.STATUS, "assigned", "answered"))
                    closed = answered + timedelta(days=rng.randint(1, 4))
                    if closed < now and rng.random() < 0.7:
                        status, closed_at = CaseStatus.CLOSED, closed
                        events.append((closed, actor, CaseAction.STATUS, "answered", "closed"))
        case = Case(
            id=0,
            network=Network.X,
            remote_id=remote_id,
            account_id=account_id,
            author_handle=handle,
            author_name=name,
            text=text,
            posted_at=received,
            received_at=received,
            status=status,
            url=f"https://x.com/{handle}/status/{remote_id}",
            source=f"{account_id}|tag|any:kemalajateng",
            agency_code=agency if assigned_at else "",
            topics=(topic,) if status is not CaseStatus.NOT_COMPLAINT else (),
            assigned_at=assigned_at,
            answered_at=answered_at,
            closed_at=closed_at,
            answer_url=answer_url,
        )
        case_id = store.add_case(case, inbox_id=inbox_id)
        store.add_case_event(CaseEvent(case_id, received, "Pantau", CaseAction.CREATED, "",
                                       case.source))  # fmt: skip
        for at, who, action, old, new in events:
            store.add_case_event(CaseEvent(case_id, at, who, action, old, new))


_ANNOUNCEMENTS = (
    "Info layanan: pengaduan #KemalaJateng dijawab setiap hari kerja pukul 08.00–16.00.",
    "Perbaikan jalan ruas Semarang–Demak dimulai pekan ini, mohon berhati-hati.",
    "Jadwal pelayanan Samsat keliling minggu ini sudah terbit, cek lokasinya di sini.",
    "Terima kasih atas laporan warga bulan ini; rekap tindak lanjut kami unggah besok.",
    "Waspada cuaca ekstrem: laporkan banjir dan pohon tumbang lewat #KemalaJateng.",
)
# Office hours get most posts; evening posts reach more people (they are home by then).
_POST_HOURS = (7, 8, 9, 10, 12, 13, 15, 16, 19, 20)
_HOUR_PULL = {7: 1.0, 8: 1.1, 9: 1.0, 10: 0.9, 12: 1.3, 13: 1.2, 15: 0.8, 16: 0.9, 19: 2.2,
              20: 2.0}  # fmt: skip


def populate_reach(
    store: Store, accounts: Sequence[Account], *, zone: ZoneInfo, now: datetime, seed: int = 5
) -> None:
    """Five weeks of daily follower counts and own posts with replies, reposts and likes."""
    rng = random.Random(seed)
    local_now = now.astimezone(zone)
    for number, account in enumerate(accounts):
        followers = 4000 + 2500 * number
        author = Person(account.network, account.remote_id, account.handle,
                        account.display_name, account.avatar_url)  # fmt: skip
        posts: list[Post] = []
        for back in range(35, -1, -1):
            day = (local_now - timedelta(days=back)).date()
            followers += rng.randint(-3, 14 + 4 * number)
            store.record_followers(account.id, day, followers, now)
            for _ in range(rng.choice((0, 1, 1, 2))):
                hour = rng.choice(_POST_HOURS)
                at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=zone)
                if at >= now:
                    continue
                pull = _HOUR_PULL[hour]
                text = rng.choice(_ANNOUNCEMENTS)
                posts.append(
                    Post(
                        network=account.network,
                        remote_id=number_id(f"{account.id}{at.isoformat()}"),
                        account_id=account.id,
                        author=author,
                        created_at=at,
                        html=f"<p>{html.escape(text)}</p>",
                        text=text,
                        engagement=Engagement(
                            replies=int(rng.randint(0, 6) * pull),
                            reposts=int(rng.randint(1, 15) * pull),
                            likes=int(rng.randint(5, 60) * pull),
                        ),
                    )
                )
        store.upsert_posts(own_feed(account.id), posts, fetched_at=now)
