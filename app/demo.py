"""Demo profile: a realistic working deck with no account signed in and no network.

`populate(store, now=...)` fills an *empty* store with three fictional accounts (an LPSE help
desk on a Mastodon-API server, a provincial PR desk on Bluesky and on X), their mentions,
hashtag, home and search feeds, direct-message conversations, a scheduled queue and a deck of
columns. Every person, handle, address and link is invented (``.example`` hosts); no token is
read or written and nothing touches the network.

Running it twice is refused: a store that already has accounts or columns raises `DemoError`,
so demo rows never mix into a real profile and a second call cannot duplicate the columns and
scheduled posts (the caller checks `store.accounts()` before offering the demo).
"""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import count
from typing import NamedTuple

import columns
from app import triage
from app.demo_triage import number_id, populate_cases, populate_reach
from app.model import (
    Account,
    ColumnSpec,
    ColumnState,
    Conversation,
    FeedKind,
    Media,
    Network,
    Person,
    Post,
    ScheduledPost,
    ScheduleState,
    Visibility,
)
from app.sanitize import text_to_html
from app.store import Store
from app.workdays import WorkCalendar

MASTODON_ID = "demo-mastodon"
BLUESKY_ID = "demo-bluesky"
X_ID = "demo-x"
_SPAN = timedelta(hours=46)  # the feeds reach this far back from `now`
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


class DemoError(ValueError):
    """The store is not empty, so the demo refuses to write into it."""


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def _did(handle: str) -> str:
    return "did:plc:" + base64.b32encode(_digest(handle)).decode().lower()[:24]


# The data tables below are laid out by hand to stay compact.
# fmt: off
ACCOUNTS = (
    Account(MASTODON_ID, Network.MASTODON, "lpse", "LPSE Jateng (Demo)",
            server="https://sosmed.jatengprov.example", remote_id=number_id("lpse")),
    Account(BLUESKY_ID, Network.BLUESKY, "humas.jatengprov.example", "Humas Jateng (Demo)",
            server="https://bsky.social", remote_id=_did("humas.jatengprov.example")),
    Account(X_ID, Network.X, "HumasJatengDemo", "Humas Jateng (Demo)", server="https://x.example",
            remote_id=number_id("HumasJatengDemo")),
)

# Who writes in each account's feeds: key -> (display name, handle). "" is the account itself.
_PEOPLE: Mapping[str, Mapping[str, tuple[str, str]]] = {
    MASTODON_ID: {
        "budi": ("Budi Santoso · CV Karya Mandiri", "budi_karyamandiri"),
        "sri": ("Sri Wahyuni · PT Sinar Kudus", "sriwahyuni@mastodon.kudus.example"),
        "agus": ("Agus Prasetyo", "aguspras"), "dewi": ("Dewi Anggraini · Pokja 3", "dewi_pokja"),
        "slamet": ("Pak Slamet", "slamet_konstruksi"),
        "rina": ("Rina Kartika", "rinakartika@toot.example"),
        "hendra": ("Hendra Wijaya", "hendra@fedi.example"),
        "yuli": ("Yuliana · CV Tirta Abadi", "yuli_tirtaabadi"),
        "eko": ("Eko Wibisono", "ekowibisono"),
        "wati": ("Suwati, PPK Dinas Pendidikan", "suwati_ppk"),
        "fajar": ("Fajar Ramadhan", "fajar@mastodon.example"),
        "tono": ("Tono · UD Berkah Tani", "udberkahtani"),
        "maju": ("CV Maju Bersama", "cvmajubersama"),
        "audit": ("Tim Reviu Inspektorat", "inspektorat_reviu"),
    },
    X_ID: {
        "budi": ("Budi Santoso", "budisant0s0_smg"), "sri": ("Sri Wahyuni", "yuni_klaten"),
        "agus": ("Agus", "agus_pati88"), "rina": ("Rina", "rinaa_kds"),
        "slamet": ("Pak Slamet", "slamet_bms"), "nur": ("Nur Aini", "nuraini_dmk"),
        "joko": ("Joko Susilo", "jokosusilo_blora"), "ratna": ("Ratna Sari", "ratnasari_tgl"),
        "wahyu": ("Wahyu Hidayat", "wahyuhdyt"), "ika": ("Ika Puspitasari", "ikapuspita_mgl"),
        "dimas": ("Dimas Aditya", "dimasadit_clp"), "fitri": ("Fitri Handayani", "fitrihnd"),
        "bambang": ("Bambang S.", "bambang_kudus"), "yanto": ("Mas Yanto", "yanto_ojol_smg"),
        "lina": ("Lina Marlina", "linamarlina_pkl"), "hadi": ("Hadi Purnomo", "hadi_wng"),
        "warga": ("Warga Sukoharjo Bersatu", "wargaskh"), "tari": ("Tari", "tarii_sragen"),
    },
    BLUESKY_ID: {
        "forum": ("Forum Pengelola Pengadaan", "forumpbj.example"),
        "ayu": ("Ayu Rahmawati", "ayurahma.bsky.example"),
        "rizal": ("Rizal Fauzi", "rizalfauzi.bsky.example"),
        "nadia": ("Nadia Putri", "nadiaputri.bsky.example"),
        "andre": ("Andreas Kurniawan", "andreask.bsky.example"),
        "ukpbj": ("UKPBJ Kota Salatiga", "ukpbj.salatiga.example"),
        "taufan": ("Taufan Saputra", "taufan.bsky.example"),
        "kominfo": ("Diskominfo Jateng", "diskominfo.jatengprov.example"),
        "bpbd": ("BPBD Jateng", "bpbd.jatengprov.example"),
        "dpu": ("DPU Bina Marga Cipta Karya Jateng", "dpubmck.jatengprov.example"),
        "dinkes": ("Dinkes Jateng", "dinkes.jatengprov.example"),
        "dishub": ("Dishub Jateng", "dishub.jatengprov.example"),
        "lpse": ("LPSE Jateng", "lpse.jatengprov.example"),
        "samsat": ("Samsat Jateng", "samsat.jatengprov.example"),
        "kabar": ("Kabar Jateng", "kabarjateng.news.example"),
        "cuaca": ("Info Cuaca Jateng", "cuaca-jateng.example"),
    },
}


class Row(NamedTuple):
    """One post of a feed table, oldest first."""

    who: str  # key in the account's people, "" for the account itself
    text: str
    photo: str = ""  # alt text of an attached photo
    reply: int = 0  # answers the row this many rows above


class Plan(NamedTuple):
    """A scheduled post, `hours` from now; a failed one carries its error."""

    account_id: str
    hours: float
    text: str
    error: str = ""


class Chat(NamedTuple):
    """A conversation, shown by its last message."""

    who: str
    text: str
    unread: bool = False
    mine: bool = False  # the last message is the desk's own


R = Row
_LPSE = "https://lpse.jatengprov.example"

_LPSE_MENTIONS = (
    R("budi", "@lpse Selamat pagi, mau tanya. Upload dokumen penawaran di SPSE kok berhenti di "
      "99% terus ya? File PDF 18 MB, sudah coba di Chrome dan Firefox."),
    R("", "Selamat pagi Pak Budi. Batas unggah per file 10 MB, jadi file perlu dipecah atau "
      f"dikompres dulu. Panduannya: {_LPSE}/panduan/unggah-penawaran", reply=1),
    R("budi", "Siap, sudah saya pecah jadi dua file dan berhasil. Terima kasih responnya 🙏",
      reply=1),
    R("sri", "@lpse@sosmed.jatengprov.example akun penyedia kami terblokir setelah salah "
      "password beberapa kali. Bagaimana cara membukanya? Kami mau ikut tender minggu ini."),
    R("agus", "Jadwal aanwijzing paket Rehabilitasi Jembatan Kali Serang kok belum muncul di "
      "SPSE ya @lpse? Di pengumuman katanya hari ini jam 10."),
    R("", "Untuk buka blokir, kirim surat permohonan bertanda tangan direktur dan scan KTP lewat "
      "DM ya, Bu, jangan di kolom publik. Kami proses hari ini juga.", reply=2),
    R("", "Aanwijzing paket tersebut diundur Pokja ke besok pukul 09.00 WIB, addendum-nya sudah "
      "ada di tab Pengumuman. Silakan dicek kembali.", reply=2),
    R("dewi", "@lpse Pokja 3 izin tanya: kalau ada addendum setelah aanwijzing, jadwal pemasukan "
      "dokumen penawaran bergeser otomatis atau harus diubah manual?"),
    R("", "Diubah manual oleh Pokja lewat menu Ubah Jadwal, wajib dengan alasan perubahan. "
      "Peserta yang sudah mendaftar mendapat notifikasi.", reply=1),
    R("slamet", "Mohon maaf @lpse, saya lupa password dan email yang terdaftar sudah tidak "
      "aktif. Bisa ganti email tanpa datang ke kantor?"),
    R("rina", "Produk kami di e-katalog statusnya 'menunggu persetujuan' sudah 2 minggu. Ada "
      "yang pernah mengalami? @lpse@sosmed.jatengprov.example #ekatalog"),
    R("", "Bisa, Pak. Ganti email penyedia cukup dengan surat kuasa dan KTP direktur, dikirim "
      "lewat DM atau ke helpdesk@lpse.jatengprov.example.", reply=2),
    R("hendra", "@lpse@sosmed.jatengprov.example SIKaP saya tidak mau sinkron dengan SPSE, "
      "muncul 'data penyedia tidak ditemukan'. Apa harus verifikasi ulang?"),
    R("", "Betul, Pak. Data Bapak belum teragregasi; bawa dokumen asli untuk verifikasi ulang "
      "di kantor LPSE, setelah itu SIKaP tersinkron dalam 1x24 jam.", reply=1),
    R("yuli", "Selamat sore @lpse. Jaminan penawaran dari asuransi cukup di-scan dan diunggah "
      "bersama dokumen penawaran, atau aslinya diserahkan juga?"),
    R("", "Scan diunggah bersama dokumen penawaran, aslinya dibawa saat pembuktian kualifikasi. "
      "Pastikan jaminan bisa dicek keasliannya ke penerbit ya, Bu.", reply=1),
    R("eko", "@lpse SPSE sedang gangguan? Halaman login muter terus, padahal batas akhir "
      "penawaran jam 15.00 😥",
      photo="Tangkapan layar halaman login SPSE yang terus memuat dengan ikon lingkaran"),
    R("", "Server kami normal, Pak. Coba hapus cache peramban atau pakai jendela penyamaran. "
      "Kalau masih gagal, kabari kami lewat DM sebelum 15.00 agar tercatat resmi.", reply=1),
    R("eko", "Sudah bisa lewat jendela penyamaran. Penawaran terkirim 14.41, lega 😅", reply=1),
    R("wati", "@lpse PPK mau tanya: pengadaan laptop sekolah di bawah 200 juta lebih tepat "
      "lewat e-purchasing atau pengadaan langsung?"),
    R("fajar", "Kapan ada bimtek penyedia lagi, @lpse@sosmed.jatengprov.example? Kami "
      "perusahaan baru, belum paham alur dari daftar sampai unggah dokumen penawaran."),
    R("", "Kalau produknya sudah tayang di katalog elektronik, dahulukan e-purchasing, Bu. "
      "Pengadaan langsung kalau memang tidak tersedia di katalog.", reply=2),
    R("", f"Bimtek penyedia berikutnya Kamis depan, daring. Daftar mulai besok di {_LPSE}/bimtek "
      "(kuota 100 peserta).", reply=2),
    R("tono", "@lpse saya sudah daftar akun penyedia tapi diminta verifikasi ke kantor LPSE. "
      "Bisa verifikasi di LPSE kabupaten terdekat? Kami di Grobogan."),
    R("agus", "Paket kami pakai metode dua file. File administrasi-teknis dan file harga "
      "diunggah di tahap berbeda ya @lpse?"),
    R("", "Betul, Pak. File I (administrasi, kualifikasi, teknis) dibuka lebih dulu; file II "
      "(harga) hanya dibuka untuk peserta yang lulus evaluasi teknis.", reply=1),
    R("rina", "Update: produk kami di #ekatalog sudah tayang. Terima kasih "
      "@lpse@sosmed.jatengprov.example atas bantuannya kemarin 🙌"),
    R("sri", "@lpse@sosmed.jatengprov.example akun kami sudah aktif lagi, terima kasih. Ada "
      "saran supaya tidak terblokir lagi? Staf kami bergantian memakai akun yang sama."),
    R("", "Sebaiknya akun dipegang satu orang yang ditunjuk direktur, Bu. Setelah 5 kali salah "
      "password akun terkunci otomatis demi keamanan.", reply=1),
    R("yuli", "Paket Peningkatan Jalan Ruas Jepara–Bangsri sudah tayang belum? Kode tendernya "
      "tidak ketemu di pencarian @lpse #tender"),
    R("dewi", "@lpse berita acara hasil pemilihan sudah kami unggah, tapi di sisi penyedia "
      "belum muncul. Mohon dicek 🙏"),
    R("hendra", "Sudah verifikasi ulang tadi pagi, sekarang pengalaman kerja di SIKaP muncul "
      "semua. Mantap @lpse@sosmed.jatengprov.example"),
)

_KEMALA = (
    R("budi", "Jalan Majapahit arah Pedurungan banyak lubang, semalam ada pemotor jatuh karena "
      "lubangnya ketutup genangan. Mohon segera ditambal 🙏 #KemalaJateng #Semarang",
      photo="Lubang besar di aspal yang tergenang air hujan, motor terparkir di sebelahnya"),
    R("sri", "Lampu PJU sepanjang jalan Klaten–Solo sekitar Ceper mati sudah 2 minggu. Malam "
      "gelap sekali, rawan begal. #KemalaJateng"),
    R("agus", "Ruas Pati–Tayu km 12 rusak parah, aspal mengelupas, lubangnya sedalam betis. Truk "
      "pasir lewat tiap hari. Kapan diperbaiki? #KemalaJateng #JalanRusak",
      photo="Jalan aspal mengelupas dengan lubang berisi air cokelat, truk di latar belakang"),
    R("", "Terima kasih laporannya, Kak. Sudah kami teruskan ke Dishub Kab. Klaten untuk "
      "pengecekan lampu PJU di ruas tersebut. #KemalaJateng", reply=2),
    R("rina", "Air PDAM di Jati Wetan, Kudus tidak mengalir sejak Jumat. Warga terpaksa beli "
      "air galon buat mandi 😩 #KemalaJateng"),
    R("slamet", "Drainase di Jl. Jenderal Soedirman Purwokerto mampet, tiap hujan deras air naik "
      "ke trotoar dan masuk toko. #KemalaJateng #Banyumas",
      photo="Genangan setinggi mata kaki menutupi trotoar di depan deretan toko"),
    R("", "Terima kasih, laporan sudah diteruskan ke DPU Bina Marga Cipta Karya. Tim akan "
      "survei ruas Pati–Tayu minggu ini. #KemalaJateng", reply=4),
    R("nur", "Sampah di pinggir jalan dekat pasar Demak sudah seminggu tidak diangkut, baunya "
      "sampai ke rumah warga. #KemalaJateng"),
    R("joko", "Jalan Blora–Cepu rusak lagi, padahal baru diperbaiki tahun lalu. Tolong "
      "kualitasnya diperhatikan. #KemalaJateng"),
    R("ratna", "#KemalaJateng lampu penerangan di jalan lingkar Tegal mati separuh, pengendara "
      "harus ekstra hati-hati kalau malam."),
    R("wahyu", "Lubang di Jl. Raya Kaligawe depan pabrik makin lebar, jadi biang macet pagi dan "
      "sore. Mohon ditindaklanjuti #KemalaJateng #Semarang",
      photo="Antrean kendaraan melambat menghindari lubang lebar di tengah jalan"),
    R("ika", "Sudah 3 hari air PDAM keluar keruh dan berbau di Mertoyudan, Magelang. Ada "
      "perbaikan pipa? Tidak ada pengumuman sama sekali. #KemalaJateng",
      photo="Ember plastik berisi air keruh kecokelatan di bawah keran"),
    R("", "Sudah kami koordinasikan dengan PDAM setempat, Kak. Ada perbaikan pipa transmisi; "
      "air diupayakan jernih kembali besok siang. #KemalaJateng", reply=1),
    R("dimas", "Banjir lagi di Jl. Gatot Subroto Cilacap setelah hujan 2 jam. Saluran air "
      "tertutup bangunan. #KemalaJateng #Banjir",
      photo="Mobil dan motor menerjang banjir setinggi roda di jalan kota"),
    R("fitri", "Lampu PJU depan rumah sudah menyala lagi setelah dilaporkan kemarin. Cepat "
      "juga ternyata 👍 #KemalaJateng"),
    R("bambang", "Jalan Kudus–Jepara di Desa Tanjungkarang bergelombang parah, mobil bisa "
      "meloncat kalau ngebut. Minimal pasang rambu sementara. #KemalaJateng"),
    R("yanto", "Yang ngojek di Semarang pasti setuju: turunan Gombel banyak tambalan tidak rata, "
      "bahaya pas hujan. #KemalaJateng #JalanRusak"),
    R("", "Terima kasih, Mas. Laporan sudah kami teruskan ke DPU Bina Marga Cipta Karya untuk "
      "perataan tambalan di turunan Gombel. #KemalaJateng", reply=1),
    R("lina", "Rob masuk ke permukiman di Pekalongan Utara tiap sore. Anak-anak tidak bisa "
      "sekolah lewat jalan biasa. Tolong cek pintu airnya. #KemalaJateng #Banjir",
      photo="Air rob menggenangi gang permukiman, anak-anak berjalan menenteng sepatu"),
    R("hadi", "Jalan provinsi Wonogiri–Pacitan sekitar Giritontro longsor sebagian, tinggal satu "
      "lajur. Belum ada rambu peringatan. #KemalaJateng"),
    R("warga", "Kami warga Grogol, Sukoharjo sudah 3 kali lapor lampu PJU mati di jalan "
      "utama. Mohon perhatian 🙏 #KemalaJateng #PJU"),
    R("", "Laporan diterima, Kak. Ruas tersebut kewenangan Pemkab Sukoharjo; sudah kami "
      "koordinasikan dengan Dishub setempat. #KemalaJateng", reply=1),
    R("tari", "Bak sampah di depan SD kami di Sragen penuh dan tumpah ke jalan, banyak lalat. "
      "Mohon dijadwalkan pengangkutan rutin #KemalaJateng"),
    R("budi", "Update: lubang di Jl. Majapahit belum juga ditambal, tadi pagi ada yang jatuh "
      "lagi. #KemalaJateng", reply=23),
    R("rina", "Air di Jati Wetan sudah mengalir lagi tapi kecil sekali, lantai 2 tidak "
      "sampai. #KemalaJateng"),
    R("agus", "Ada truk terguling di ruas Pati–Juwana karena menghindari lubang. Hati-hati "
      "yang lewat. #KemalaJateng #Pati"),
    R("sri", "PJU di Ceper masih mati ya, sudah lebih dari 2 minggu sekarang. #KemalaJateng"),
    R("ratna", "Drainase di depan Terminal Tegal tersumbat sampah plastik, air menggenang "
      "seharian. #KemalaJateng", photo="Saluran air penuh botol dan kantong plastik di tepi jalan"),
    R("", "Mohon kirim titik lokasi (share loc) lewat DM ya, Kak, supaya petugas DPU Bina Marga "
      "Cipta Karya mudah menemukan lubangnya. #KemalaJateng", reply=5),
    R("joko", "Jembatan kecil di Kunduran, Blora papan pengamannya hilang. Malam hari tidak "
      "kelihatan. #KemalaJateng"),
    R("nur", "Alhamdulillah sampah dekat pasar Demak sudah diangkut pagi tadi. Semoga "
      "rutin 🙏 #KemalaJateng"),
    R("dimas", "Jalan Kroya–Sampang Cilacap berlubang di banyak titik, tiap malam ada yang jatuh. "
      "#KemalaJateng #JalanRusak"),
    R("ika",
      "Air di Mertoyudan sudah jernih lagi. Terima kasih sudah ditindaklanjuti #KemalaJateng"),
    R("wahyu", "Lampu lalu lintas di simpang Kaligawe mati sejak subuh, arus jadi semrawut "
      "#KemalaJateng #Semarang"),
    R("", "Terima kasih infonya. Sudah kami teruskan ke Dishub Kota Semarang, petugas sedang "
      "menuju lokasi untuk mengatur lalu lintas. #KemalaJateng", reply=1),
    R("slamet", "Jalan Baturraden–Purwokerto aspalnya retak memanjang di tikungan. Mohon dicek "
      "sebelum musim liburan. #KemalaJateng #Banyumas",
      photo="Retakan memanjang di aspal tikungan jalan pegunungan"),
    R("bambang", "Sampah menumpuk di bantaran Sungai Gelis, Kudus. Kalau hujan pasti "
      "banjir. #KemalaJateng #Banjir"),
    R("hadi", "Terima kasih, rambu sementara di ruas Wonogiri–Pacitan sudah dipasang. Tinggal "
      "perbaikan permanennya #KemalaJateng"),
    R("fitri", "Jalan masuk RSUD Klaten berlubang dan sempit, ambulans harus pelan sekali. "
      "Mohon prioritas #KemalaJateng #JalanRusak"),
    R("yanto",
      "Barusan lewat: lubang di turunan Gombel sudah ditambal rapi. Mantap 👍 #KemalaJateng"),
)

_RAKORNAS = (
    R("forum", "Pagi ini #RakornasLPSE dibuka di Semarang. Tema tahun ini: pengadaan yang cepat, "
      "transparan, dan ramah UMKM. Siaran langsung: https://rakornas.lpse.example/live"),
    R("ayu",
      "Sudah sampai di lokasi #RakornasLPSE. Antrean registrasi panjang, tapi panitia sigap 👏",
      photo="Antrean peserta berbaju batik di meja registrasi, spanduk acara di belakangnya"),
    R("", "Selamat datang para pengelola LPSE se-Indonesia di Jawa Tengah! Semoga #RakornasLPSE "
      "menghasilkan langkah nyata untuk penyedia lokal."),
    R("rizal", "Sesi pertama #RakornasLPSE membahas katalog elektronik versi baru: produk lokal "
      "dan nilai TKDN akan lebih menonjol di hasil pencarian."),
    R("nadia", "Catatan panel keamanan siber #RakornasLPSE: banyak insiden akun SPSE berawal dari "
      "password yang dipakai ulang. Aktifkan verifikasi dua langkah begitu tersedia!"),
    R("andre", "UKPBJ dari beberapa daerah berbagi cara menekan tender gagal: konsultasi pasar "
      "sebelum tender dan HPS yang realistis. #RakornasLPSE"),
    R("ukpbj", "Tim kami ikut pameran inovasi #RakornasLPSE. Mampir ke stan 12, ada demo dasbor "
      "pemantauan paket secara langsung.",
      photo="Stan pameran dengan layar besar menampilkan grafik dasbor paket pengadaan"),
    R("ayu", "Dasbornya keren! Kodenya bisa dibagikan ke LPSE lain? #RakornasLPSE", reply=1),
    R("ukpbj", "Bisa, Kak. Dokumentasinya kami bagikan lewat forum setelah acara. #RakornasLPSE",
      reply=1),
    R("taufan", "Diskusi paling ramai di #RakornasLPSE: helpdesk menjawab penyedia di media "
      "sosial tanpa membuka data rahasia. Hal umum dijawab publik, NPWP dan dokumen perusahaan "
      "pindah ke DM."),
    R("", "Foto bersama peserta #RakornasLPSE di halaman kantor gubernuran. Terima kasih atas "
      "kehadirannya!", photo="Ratusan peserta berbaju batik berfoto bersama di halaman gedung"),
    R("rizal", "Materi hari pertama #RakornasLPSE sudah bisa diunduh: "
      "https://rakornas.lpse.example/materi"),
    R("nadia", "Hari kedua #RakornasLPSE: klinik konsultasi penyedia dibuka untuk umum. Banyak "
      "UMKM tanya cara unggah dokumen penawaran dan mengisi SIKaP."),
    R("forum", "Rekomendasi #RakornasLPSE: standar layanan helpdesk LPSE, jawaban pertama paling "
      "lambat 1 jam kerja di kanal resmi."),
    R("ayu", "Ada yang punya rekaman sesi e-audit? Saya ketinggalan karena bentrok dengan klinik "
      "penyedia. #RakornasLPSE"),
    R("taufan", "Kata panitia rekamannya diunggah malam ini, Kak. Pantau saja #RakornasLPSE",
      reply=1),
    R("andre",
      "Pulang dari #RakornasLPSE dengan banyak PR. Terima kasih Semarang, lumpianya juara 😄"),
)

_HUMAS_HOME = (
    R("cuaca", "Prakiraan hari ini: hujan ringan hingga sedang di Jawa Tengah bagian selatan "
      "siang–sore. Waspada genangan di jalur Purwokerto–Banjarnegara."),
    R("dpu", "Pemeliharaan jembatan di ruas Semarang–Demak malam ini pukul 22.00–04.00, lalu "
      "lintas buka-tutup satu lajur. Mohon maaf atas ketidaknyamanannya.",
      photo="Peta ruas jalan Semarang–Demak dengan penanda lokasi pekerjaan jembatan"),
    R("kominfo", "Mulai pekan ini aduan #KemalaJateng juga bisa lewat Bluesky. Sertakan lokasi "
      "dan foto agar laporan cepat diteruskan ke OPD terkait."),
    R("kabar", "Perbaikan jalan provinsi dikebut sebelum musim libur. Warga diminta melaporkan "
      "titik rusak lewat kanal resmi. https://kabarjateng.news.example/jalan-provinsi"),
    R("bpbd", "Peringatan dini: potensi banjir di bantaran sungai wilayah Pati dan Kudus karena "
      "hujan tinggi di hulu. Warga diimbau siaga dan memantau informasi resmi."),
    R("dinkes", "Puskesmas se-Jawa Tengah membuka imunisasi kejar pekan ini. Jangan lupa bawa "
      "buku KIA ya, Bunda."),
    R("", "Rekap aduan #KemalaJateng kemarin: terbanyak soal jalan rusak, disusul lampu PJU dan "
      "air bersih. Terima kasih atas laporan warga!"),
    R("lpse", "Layanan verifikasi penyedia di kantor LPSE buka Senin–Jumat pukul 08.00–15.00 "
      "WIB. Bawa dokumen asli beserta fotokopinya."),
    R("dishub", "Uji coba rekayasa lalu lintas di kawasan Simpang Lima Semarang dimulai Minggu "
      "pagi. Ikuti arahan petugas di lapangan.",
      photo="Denah rekayasa lalu lintas dengan panah arah kendaraan di sekitar bundaran"),
    R("kabar", "Target perbaikan lampu PJU padam di jalur pantura rampung akhir bulan. "
      "https://kabarjateng.news.example/pju-pantura"),
    R("cuaca", "Update sore: hujan lebat disertai petir berpotensi terjadi di Semarang, Kendal, "
      "dan Demak dalam 1–2 jam ke depan."),
    R("kominfo", "Dicari relawan TIK untuk mendampingi warga desa memakai layanan publik "
      "digital. Daftar sampai akhir bulan: https://relawan.jatengprov.example"),
    R("dpu", "Tambal sulam ruas Pati–Tayu dimulai hari ini. Terima kasih atas laporan warga "
      "lewat #KemalaJateng 🙏",
      photo="Pekerja menambal lubang aspal dengan mesin pemadat di tepi jalan"),
    R("samsat", "Cek tagihan pajak kendaraan hanya lewat aplikasi resmi, jangan lewat tautan "
      "kiriman orang tak dikenal."),
    R("lpse", "Tips penyedia: unggah dokumen penawaran paling lambat H-1 batas akhir, supaya "
      "masih ada waktu kalau koneksi bermasalah."),
    R("bpbd", "Debit sungai di wilayah Pati mulai surut. Posko pengungsian tetap siaga sampai "
      "kondisi dinyatakan aman."),
    R("", "Kanal resmi aduan warga: tagar #KemalaJateng. Kami tidak pernah meminta data "
      "pribadi atau pembayaran lewat DM."),
    R("kabar", "Warga Klaten gotong royong membersihkan saluran air menjelang puncak musim hujan.",
      photo="Warga mengangkat lumpur dari saluran air di pinggir jalan desa"),
    R("dinkes", "Musim hujan, waspada demam berdarah. Lakukan 3M Plus: menguras, menutup, "
      "mendaur ulang, plus cegah gigitan nyamuk."),
    R("kominfo", "Gangguan di beberapa layanan daring pemprov sudah pulih sejak pukul 10.15 WIB. "
      "Terima kasih atas kesabarannya."),
)

_CHATS: Mapping[str, tuple[Chat, ...]] = {
    MASTODON_ID: (
        Chat("audit", "Mohon log aktivitas paket rehabilitasi gedung periode bulan lalu untuk "
             "keperluan reviu. Bisa dikirim dalam PDF?"),
        Chat("wati", "Baik, Bu. Akun PPK baru diajukan lewat admin agency; kami aktifkan "
             "setelah SK penunjukannya kami terima.", mine=True),
        Chat("sri", "Sudah kami buka, Bu. Silakan login dan segera ganti password.", mine=True),
        Chat("hendra", "Terima kasih sudah dibantu sinkron SIKaP tadi pagi 🙏"),
        Chat("dewi", "Mbak, tolong reset jadwal tahap evaluasi paket gedung olahraga, ada salah "
             "input tanggal. Surat dari kepala UKPBJ sudah saya emailkan.", unread=True),
        Chat("slamet", "Surat kuasa untuk ganti email sudah saya foto. Bisa dikirim lewat sini "
             "atau harus lewat email?", unread=True),
        Chat("maju", "Selamat siang. NPWP perusahaan kami berubah ke format 16 digit dan SIKaP "
             "menolak data pajak kami. Nomor lama dan baru saya kirim di sini, mohon dicek.",
             unread=True),
        Chat("tono", "Untuk verifikasi besok, akta perubahan wajib dibawa aslinya? Kantor "
             "notaris kami di luar kota.", unread=True),
    ),
    X_ID: (
        Chat("lina", "Rob sudah surut, terima kasih sudah diteruskan ke BPBD 🙏"),
        Chat("agus", "Tim DPU Bina Marga Cipta Karya dijadwalkan survei ruas Pati–Tayu hari "
             "Kamis, Pak. Kami kabari lagi setelahnya.", mine=True),
        Chat("ika", "Air sudah mengalir tapi masih agak keruh, Kak. Aman untuk mandi anak?",
             unread=True),
        Chat("budi", "Min, ini titik lubang Jl. Majapahit yang saya laporkan: dekat halte, "
             "sebelum lampu merah. Tadi pagi ada motor jatuh lagi.", unread=True),
    ),
}

# What each feed holds: the demo has at most one feed of a kind per account.
_FEEDS: Mapping[tuple[str, FeedKind], tuple[Row, ...]] = {
    (MASTODON_ID, FeedKind.MENTIONS): _LPSE_MENTIONS,
    (X_ID, FeedKind.TAG): _KEMALA,
    (BLUESKY_ID, FeedKind.TAG): _RAKORNAS,
    (BLUESKY_ID, FeedKind.HOME): _HUMAS_HOME,
}

_SCHEDULED = (
    Plan(X_ID, -2, "Info perbaikan ruas Pati–Tayu mulai Senin. Pengendara diimbau memakai "
         "jalur alternatif lewat Juwana. #KemalaJateng",
         error="X menolak posting: token akses kedaluwarsa. Sambungkan ulang akun lalu kirim."),
    Plan(MASTODON_ID, 5, "Pemeliharaan sistem SPSE Sabtu pukul 22.00-24.00 WIB. Selama "
         "pemeliharaan SPSE tidak dapat diakses; jadwal tender terdampak sudah disesuaikan."),
    Plan(MASTODON_ID, 26, "Pengumuman tender: Rehabilitasi Gedung Laboratorium SMK di Kab. "
         f"Boyolali, pagu Rp2,4 miliar. Dokumen pemilihan: {_LPSE}/eproc4/lelang"),
    Plan(BLUESKY_ID, 50, "Selama libur nasional pekan ini kantor pelayanan tutup. Aduan "
         "#KemalaJateng tetap diterima dan dibalas mulai hari kerja berikutnya."),
    Plan(MASTODON_ID, 74, "Undangan bimtek penyedia: menyusun dan mengunggah dokumen "
         f"penawaran di SPSE. Kamis 09.00 WIB, daring. Daftar: {_LPSE}/bimtek"),
    Plan(X_ID, 140, "Rekap mingguan #KemalaJateng: jalan rusak masih aduan terbanyak, disusul "
         "PJU dan air bersih. Terima kasih warga yang melapor lengkap dengan foto dan lokasi."),
)

_QUERY = {"query": "dokumen penawaran"}
_DECK: tuple[tuple[str, str, Mapping[str, object], int], ...] = (
    ("mentions", MASTODON_ID, {}, 380),
    ("inbox", X_ID, {"tags": ["KemalaJateng"], "mentions": False, "messages": False,
                     "show": "open"}, 420),
    ("hashtag", X_ID, {"tags": ["KemalaJateng"], "match": "any", "exclude": []}, 400),
    ("messages", "", {}, 340),
    ("scheduled", "", {}, 340),
    ("hashtag", BLUESKY_ID, {"tags": ["RakornasLPSE"], "match": "any", "exclude": []}, 360),
    ("home", BLUESKY_ID, {}, 360),
    ("search", "", _QUERY, 360),
)
_UNREAD = {0: 4, 2: 7}  # deck position -> rows left unread above the read position
# fmt: on


def _person(account: Account, key: str) -> Person:
    name, handle = _PEOPLE[account.id][key] if key else (account.display_name, account.handle)
    user, _, host = handle.partition("@")
    if account.network is Network.BLUESKY:
        remote_id, url, host = _did(handle), f"https://bsky.app/profile/{handle}", ""
    elif account.network is Network.X:
        remote_id, url, host = number_id(handle), f"https://x.example/{handle}", ""
    else:
        host = host or _instance(account)
        remote_id, url = number_id(handle), f"https://{host}/@{user}"
    return Person(account.network, remote_id, handle, name, url=url, instance=host)


def _instance(account: Account) -> str:
    """The server that assigns the account's ids: only Mastodon ids are local to one."""
    if account.network is not Network.MASTODON:
        return ""
    return account.server.split("://", 1)[-1].rstrip("/")


def _times(rng: random.Random, now: datetime, replies: Sequence[bool]) -> list[datetime]:
    """Oldest first across the last ~2 days; a reply follows its row minutes later."""
    mean = _SPAN.total_seconds() / 60 / max(len(replies), 1)
    gaps = [rng.uniform(4, 45) if r else rng.uniform(0.3, 1.7) * mean for r in replies]
    end = now - timedelta(minutes=rng.uniform(3, 30))
    left = sum(gaps)
    times = []
    for gap in gaps:
        left -= gap
        times.append((end - timedelta(minutes=left)).replace(microsecond=0))
    return times


def _fetched(rng: random.Random, now: datetime, times: Sequence[datetime]) -> datetime:
    """When a feed was last refreshed: minutes to an hour ago, never before its newest row."""
    at = now - timedelta(minutes=rng.uniform(2, 55))
    if times and at < max(times):
        at = max(times) + timedelta(seconds=rng.uniform(20, 90))
    return min(at, now).replace(microsecond=0)


def _ids(account: Account, author: Person, at: datetime, serial: int) -> tuple[str, str]:
    """A post's remote id and permalink, shaped as its network shapes them."""
    ms = int(at.timestamp() * 1000)
    if account.network is Network.BLUESKY:
        tid = (ms * 1000) << 10 | serial % 1024  # microseconds and a clock id, base32-sortable
        rkey = "".join(_TID_ALPHABET[(tid >> (5 * i)) & 31] for i in reversed(range(13)))
        return (f"at://{author.remote_id}/app.bsky.feed.post/{rkey}", f"{author.url}/post/{rkey}")
    if account.network is Network.X:
        snowflake = str((ms - 1288834974657) << 22 | serial)
        return snowflake, f"{author.url}/status/{snowflake}"
    local = str(ms << 16 | serial)
    return local, f"{author.url}/{local}"


def _post(
    account: Account,
    author: Person,
    text: str,
    at: datetime,
    serial: int,
    *,
    parent: Post | None = None,
    photo: str = "",
    conversation: str = "",
) -> Post:
    if parent is not None and parent.author != author:
        text = f"@{parent.author.handle} {text}"
    remote_id, url = _ids(account, author, at, serial)
    picture = f"https://media.pantau.example/demo/{remote_id[-13:]}.jpg"
    media = (Media("image", picture, description=photo),) if photo else ()
    return Post(
        account.network,
        remote_id,
        account.id,
        author,
        at,
        text_to_html(text),
        text,
        url="" if conversation else url,
        instance=_instance(account),
        reply_to_id=parent.remote_id if parent else "",
        thread_root_id=(parent.thread_root_id or parent.remote_id) if parent else "",
        conversation_id=conversation,
        visibility=Visibility.DIRECT if conversation else Visibility.PUBLIC,
        media=media,
    )


def _feed_posts(
    account: Account, rows: Sequence[Row], rng: random.Random, now: datetime, serial: Iterator[int]
) -> list[Post]:
    posts: list[Post] = []
    times = _times(rng, now, [r.reply == 1 for r in rows])
    for row, at in zip(rows, times, strict=True):
        parent = posts[-row.reply] if row.reply else None
        quiet = account.network is Network.MASTODON and (row.reply or rng.random() < 0.2)
        visibility = Visibility.UNLISTED if quiet else Visibility.PUBLIC
        author = _person(account, row.who)
        post = _post(account, author, row.text, at, next(serial), parent=parent, photo=row.photo)
        posts.append(replace(post, visibility=visibility))
    return posts


def _conversations(
    account: Account,
    chats: Sequence[Chat],
    rng: random.Random,
    now: datetime,
    serial: Iterator[int],
) -> list[Conversation]:
    found = []
    for chat, at in zip(chats, _times(rng, now, [False] * len(chats)), strict=True):
        them = _person(account, chat.who)
        remote_id = number_id(f"{account.id}/{chat.who}")
        author = _person(account, "") if chat.mine else them
        last = _post(account, author, chat.text, at, next(serial), conversation=remote_id)
        found.append(
            Conversation(
                account.network,
                remote_id,
                account.id,
                (them,),
                last,
                chat.unread,
                at,
                _instance(account),
            )
        )
    return found


def _scheduled(now: datetime) -> list[ScheduledPost]:
    base = now.replace(second=0, microsecond=0)
    base -= timedelta(minutes=base.minute % 15)
    return [
        ScheduledPost(
            0,
            plan.account_id,
            plan.text,
            base + timedelta(hours=plan.hours),
            ScheduleState.FAILED if plan.error else ScheduleState.PENDING,
            error=plan.error,
        )
        for plan in _SCHEDULED
    ]


def _matching(
    posts: Mapping[tuple[str, FeedKind], list[Post]], account_id: str, query: str
) -> list[Post]:
    words = query.casefold()
    return [
        p
        for (owner, _), found in posts.items()
        if owner == account_id
        for p in found
        if words in p.text.casefold()
    ]


def _fill_inbox(store: Store, deck: Sequence[ColumnState], now: datetime) -> None:
    """Five weeks of handled reports, then the hashtag's newest posts as new cases."""
    triage.seed_defaults(store)
    inbox = next(c for c in deck if c.spec.kind == "inbox")
    assert inbox.spec.id is not None
    spec = replace(inbox.spec, options={**inbox.spec.options, "since": _iso(now - _SPAN)})
    store.update_column_spec(inbox.spec.id, spec)
    cal = WorkCalendar(store.holidays())
    populate_cases(store, inbox.spec.id, account_id=X_ID, cal=cal, now=now - _SPAN)
    office = [a for a in ACCOUNTS if a.id in (X_ID, MASTODON_ID)]
    populate_reach(store, office, zone=cal.zone, now=now)
    columns.kinds()["inbox"].take_in(store, spec, ACCOUNTS, now)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def populate(store: Store, *, now: datetime, seed: int = 7) -> None:
    """Fill an empty store with the demo deck. Raises `DemoError` if it has accounts or columns.

    The same `seed` and `now` give the same rows, ids and times.
    """
    if store.accounts() or store.columns():
        raise DemoError("The demo profile needs an empty store; this one already has data.")
    rng = random.Random(seed)
    serial = count(1)
    for account in ACCOUNTS:
        store.upsert_account(account)
    by_id = {a.id: a for a in ACCOUNTS}
    posts = {
        key: _feed_posts(by_id[key[0]], rows, rng, now, serial) for key, rows in _FEEDS.items()
    }
    kinds = columns.kinds()
    deck: list[ColumnState] = []
    for name, account_id, options, width in _DECK:
        spec = ColumnSpec(name, account_id, dict(options))
        for feed in kinds[name].feeds(spec, ACCOUNTS):
            account = by_id[feed.account_id]
            if feed.kind is FeedKind.CONVERSATIONS:
                chats = _conversations(account, _CHATS.get(account.id, ()), rng, now, serial)
                fetched = _fetched(rng, now, [c.updated_at for c in chats])
                store.upsert_conversations(feed.key, chats, fetched_at=fetched)
            else:
                found = posts.get((account.id, feed.kind), [])
                if feed.kind is FeedKind.SEARCH:  # the network's answer: what it has cached
                    found = _matching(posts, account.id, feed.query)
                fetched = _fetched(rng, now, [p.created_at for p in found])
                store.upsert_posts(feed.key, found, fetched_at=fetched)
            store.mark_refreshed(feed.key, fetched)
        deck.append(store.add_column(spec, width=width))
    for scheduled in _scheduled(now):
        store.add_scheduled(scheduled)
    _fill_inbox(store, deck, now)
    for position, unread in _UNREAD.items():
        column = deck[position]
        entries = kinds[column.spec.kind].page(
            store, column.spec, ACCOUNTS, before=None, limit=unread + 1
        )
        if len(entries) > unread and column.spec.id is not None:
            store.set_read_position(column.spec.id, entries[unread].key)
