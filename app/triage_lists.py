"""The agencies (OPD) cases are delegated to and the topics they are about: a default set
for an Indonesian province, keyword suggestions for new cases, and the CSV files an office
keeps these lists in. No Qt here; app/ui/triage_lists_dialog.py edits the lists.

Matching (`suggest_topics`): text and keywords are compared in lower case, word by word
(a word is a run of letters and digits, so "kk" finds "KK saya" but not "kkn", and "e-KTP"
is the words "e ktp"). A keyword of several words matches

* as a phrase: its words one after another ("jalan rusak" in "Jalan rusak parah");
* within a window: its words in the same order, each at most `WINDOW` words after the
  one before, in one sentence ("jalan rusak" in "jalan di desa kami rusak"); this counts
  a little less than a phrase;
* as one word: a hashtag or a word spelled without the spaces ("#jalanrusak",
  "ekatalog"). A hashtag's camelCase parts are words too: "#JalanRusak" is "jalan rusak".
* at the start or end of a hashtag, for keywords of `MIN_TAG_PART` letters or more
  ("pdam" in "#PDAMmati", "jalan rusak" in "#stopjalanrusak"); this counts like a window.

A topic scores two points per word of each keyword it matches (one point less for a
window match); topics are ranked by score, then by the length of what matched, then by
their order in the list. Informal spellings ("jln", "rusakk") are not handled.

CSV files (`agencies_to_csv`...) have a header row naming the columns; columns may come in
any order and unknown ones are ignored. Reading accepts "," ";" or tab between columns
(Excel with Indonesian regional settings writes ";"), a UTF-8 byte order mark, and files
Excel saved in its Windows code page (see `decode_csv`). Writing gives a comma-separated
text; `encode_csv` puts a UTF-8 byte order mark before it, because without one Excel on
Windows reads UTF-8 as its ANSI code page and garbles every non-ASCII name. Pantau and
LibreOffice skip the mark.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from app.model import Agency, Topic

WINDOW = 4
"""How far apart (in words) consecutive words of a keyword may stand and still match."""
MIN_TAG_PART = 4
"""The shortest keyword (without spaces) found at the start or end of a hashtag."""
MAX_CODE = 24
MAX_ROWS = 1000

CODE = re.compile(rf"[A-Z0-9][A-Z0-9_-]{{0,{MAX_CODE - 1}}}")

# --- lists and their rules ---------------------------------------------------------------


class ListProblem(StrEnum):
    EMPTY = "empty"  # the file has no header
    MISSING_COLUMN = "missing-column"  # value: the column's name
    TOO_MANY = "too-many"
    MISSING_CODE = "missing-code"
    BAD_CODE = "bad-code"  # value: the code
    DUPLICATE_CODE = "duplicate-code"  # value: the code, other: where it was first
    EMPTY_NAME = "empty-name"  # value: the agency's code, if any
    DUPLICATE_NAME = "duplicate-name"  # value: the topic's name, other: where it was first
    BAD_ACTIVE = "bad-active"  # value: what the active column said
    UNKNOWN_AGENCY = "unknown-agency"  # value: the agency code no agency has


_MESSAGES = {
    ListProblem.EMPTY: "the file is empty",
    ListProblem.MISSING_COLUMN: "no column {value!r} in the header",
    ListProblem.TOO_MANY: f"more than {MAX_ROWS} rows",
    ListProblem.MISSING_CODE: "the code is missing",
    ListProblem.BAD_CODE: (
        f"code {{value!r}} may only have letters, digits, - and _ (at most {MAX_CODE})"
    ),
    ListProblem.DUPLICATE_CODE: "code {value!r} is already used on line {other}",
    ListProblem.EMPTY_NAME: "the name is empty",
    ListProblem.DUPLICATE_NAME: "name {value!r} is already used on line {other}",
    ListProblem.BAD_ACTIVE: "active must be 1 or 0 (yes/no, ya/tidak), not {value!r}",
    ListProblem.UNKNOWN_AGENCY: "no agency has the code {value!r}",
}


class ListFileError(ValueError):
    """A list that cannot be used. `line` is the 1-based line of a file, or the 1-based
    position in a list for `check_agencies`/`check_topics`; `problem` says what is wrong,
    `value` the offending value and `other` the line a duplicate was first seen on."""

    def __init__(self, line: int, problem: ListProblem, value: str = "", other: int = 0) -> None:
        message = _MESSAGES[problem].format(value=value, other=other)
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.problem = problem
        self.value = value
        self.other = other


def normal_code(text: str) -> str:
    """An agency code as stored: trimmed and upper case ("dpu-bm " -> "DPU-BM")."""
    return text.strip().upper()


def valid_code(code: str) -> bool:
    """A normal code of letters, digits, - and _, starting with a letter or digit."""
    return CODE.fullmatch(code) is not None


def normal_name(text: str) -> str:
    return " ".join(text.split())


def normal_keywords(text: str | Iterable[str]) -> tuple[str, ...]:
    """Keywords from a cell ("Jalan rusak; aspal, LUBANG") or a list: trimmed, lower case,
    single-spaced, without repeats or empties; ";" and "," both separate them."""
    parts = re.split(r"[;,]", text) if isinstance(text, str) else list(text)
    seen: dict[str, None] = {}
    for part in parts:
        keyword = " ".join(part.split()).lower()
        if keyword:
            seen.setdefault(keyword, None)
    return tuple(seen)


def _check_agency_rows(rows: Iterable[tuple[int, Agency]]) -> None:
    first: dict[str, int] = {}
    for line, agency in rows:
        code = normal_code(agency.code)
        if not code:
            raise ListFileError(line, ListProblem.MISSING_CODE)
        if not valid_code(code):
            raise ListFileError(line, ListProblem.BAD_CODE, agency.code.strip())
        if code in first:
            raise ListFileError(line, ListProblem.DUPLICATE_CODE, code, first[code])
        first[code] = line
        if not agency.name.strip():
            raise ListFileError(line, ListProblem.EMPTY_NAME, code)


def _check_topic_rows(
    rows: Iterable[tuple[int, Topic]], agency_codes: Collection[str] | None
) -> None:
    known = None if agency_codes is None else {normal_code(c) for c in agency_codes}
    first: dict[str, int] = {}
    for line, topic in rows:
        name = normal_name(topic.name)
        if not name:
            raise ListFileError(line, ListProblem.EMPTY_NAME)
        key = name.casefold()
        if key in first:
            raise ListFileError(line, ListProblem.DUPLICATE_NAME, name, first[key])
        first[key] = line
        code = normal_code(topic.agency_code)
        if code and not valid_code(code):
            raise ListFileError(line, ListProblem.BAD_CODE, topic.agency_code.strip())
        if code and known is not None and code not in known:
            raise ListFileError(line, ListProblem.UNKNOWN_AGENCY, code)


def check_agencies(agencies: Sequence[Agency]) -> None:
    """Raise ListFileError (line = 1-based position) for the first agency with a missing,
    malformed or repeated code (compared case-insensitively) or an empty name."""
    _check_agency_rows(enumerate(agencies, start=1))


def check_topics(topics: Sequence[Topic], agency_codes: Collection[str] | None = None) -> None:
    """Raise ListFileError (line = 1-based position) for the first topic with an empty or
    repeated name (case-insensitive; cases refer to topics by name) or, when
    `agency_codes` is given, an agency code not among them."""
    _check_topic_rows(enumerate(topics, start=1), agency_codes)


# --- what a new desk starts with ---------------------------------------------------------

# Provincial OPD as most provinces name them (Jawa Tengah's list, in general words). Two
# entries are not provincial: PDAMs are owned by the kabupaten/kota and KTP/KK/akta are
# issued by the kabupaten/kota Disdukcapil, but citizens ask the province about both every
# day and offices forward them, so they are here. PLN and the police are not OPD and are
# left out; an office that forwards to them adds a row (the "Listrik" topic has no agency).
_AGENCIES: tuple[tuple[str, str], ...] = (
    ("DPUBM", "Dinas Pekerjaan Umum Bina Marga dan Cipta Karya"),
    ("PSDA", "Dinas Pekerjaan Umum Sumber Daya Air dan Penataan Ruang"),
    ("DISPERAKIM", "Dinas Perumahan Rakyat dan Kawasan Permukiman"),
    ("DISHUB", "Dinas Perhubungan"),
    ("DINKES", "Dinas Kesehatan"),
    ("RSUD", "Rumah Sakit Umum Daerah Provinsi"),
    ("DISDIK", "Dinas Pendidikan dan Kebudayaan"),
    ("DINSOS", "Dinas Sosial"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah"),
    ("DLH", "Dinas Lingkungan Hidup dan Kehutanan"),
    ("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
    ("SATPOLPP", "Satuan Polisi Pamong Praja"),
    ("BAPENDA", "Badan Pendapatan Daerah (pajak kendaraan, Samsat)"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    ("PBJ", "Biro Pengadaan Barang dan Jasa (LPSE)"),
    ("DISPERINDAG", "Dinas Perindustrian dan Perdagangan"),
    ("DINKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah"),
    ("DINPERTAN", "Dinas Pertanian dan Perkebunan"),
    ("DKP", "Dinas Kelautan dan Perikanan"),
    ("ESDM", "Dinas Energi dan Sumber Daya Mineral"),
    ("DISPORA", "Dinas Kepemudaan dan Olahraga"),
    ("DISPAR", "Dinas Pariwisata"),
    ("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("DISPERMADES", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("BKD", "Badan Kepegawaian Daerah"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    ("INSPEKTORAT", "Inspektorat Daerah"),
    ("PDAM", "Perumda Air Minum (PDAM) kabupaten/kota"),
)

_TOPICS: tuple[tuple[str, str, str], ...] = (
    (
        "Jalan dan jembatan",
        "jalan rusak; jalan berlubang; jalan retak; jalan ambles; jalan amblas; "
        "jalan bergelombang; perbaikan jalan; jembatan; jembatan rusak; aspal; lubang; "
        "berlubang; trotoar; drainase; gorong-gorong",
        "DPUBM",
    ),
    (
        "Penerangan jalan",
        "pju; lampu jalan; lampu pju; penerangan jalan; lampu penerangan",
        "DISHUB",
    ),
    (
        "Transportasi",
        "angkot; angkutan umum; bus; brt; terminal; halte; lampu lalu lintas; traffic light; "
        "apill; rambu; marka jalan; parkir liar; juru parkir; jukir; macet; kemacetan; "
        "odol; truk odol; jembatan timbang",
        "DISHUB",
    ),
    (
        "Air bersih",
        "air mati; pdam; air keruh; air bersih; air tidak mengalir; air tidak keluar; "
        "pipa bocor; tagihan air; meteran air",
        "PDAM",
    ),
    (
        "Banjir dan sungai",
        "banjir; rob; tanggul; tanggul jebol; sungai; luapan sungai; normalisasi sungai; "
        "irigasi; bendungan; waduk; embung; sedimentasi",
        "PSDA",
    ),
    (
        "Bencana",
        "bencana; longsor; tanah longsor; banjir bandang; gempa; puting beliung; "
        "angin kencang; pohon tumbang; pengungsi; evakuasi; kekeringan; kebakaran lahan",
        "BPBD",
    ),
    (
        "Sampah dan lingkungan",
        "sampah; tpa; tps; bau sampah; pembakaran sampah; pencemaran; limbah; "
        "sungai tercemar; polusi; asap pabrik; penebangan liar",
        "DLH",
    ),
    (
        "Kesehatan",
        "puskesmas; bpjs; bpjs kesehatan; kis; rumah sakit; rsud; dokter; obat; vaksin; "
        "imunisasi; stunting; posyandu; ambulans; ambulan; demam berdarah; dbd",
        "DINKES",
    ),
    (
        "Pendidikan",
        "sekolah; ppdb; spmb; zonasi; guru; siswa; murid; sma; smk; slb; ijazah; "
        "beasiswa; pip; pungutan sekolah; seragam sekolah",
        "DISDIK",
    ),
    (
        "Kependudukan",
        "ktp; e-ktp; ktp-el; kk; kartu keluarga; akta; akta kelahiran; akta kematian; "
        "nik; kia; dukcapil; blangko; surat pindah",
        "DISDUKCAPIL",
    ),
    (
        "Bantuan sosial",
        "bansos; bantuan sosial; pkh; bpnt; blt; dtks; dtsen; bantuan sembako; odgj; "
        "gelandangan; pengemis; anak jalanan; panti sosial",
        "DINSOS",
    ),
    (
        "Pajak kendaraan / Samsat",
        "pajak kendaraan; pajak motor; pajak mobil; samsat; samsat keliling; pkb; bbnkb; "
        "stnk; balik nama; pemutihan; plat nomor; tnkb; opsen",
        "BAPENDA",
    ),
    (
        "Perizinan",
        "izin; perizinan; izin usaha; nib; oss; pbg; imb; investasi; penanaman modal; "
        "mal pelayanan publik; mpp",
        "DPMPTSP",
    ),
    (
        "Pengadaan / LPSE",
        "tender; lelang; lpse; spse; e-katalog; katalog elektronik; pengadaan; "
        "e-purchasing; penyedia; sirup; inaproc; pokja",
        "PBJ",
    ),
    (
        "Ketertiban umum",
        "pkl; pedagang kaki lima; satpol; satpol pp; satpolpp; bangunan liar; "
        "reklame liar; baliho; miras; minuman keras; tempat hiburan; karaoke",
        "SATPOLPP",
    ),
    (
        "Ketenagakerjaan",
        "phk; gaji; upah; ump; umk; thr; pesangon; buruh; lowongan kerja; loker; "
        "bpjs ketenagakerjaan; kartu kuning; ak1; pekerja migran; tki; transmigrasi",
        "DISNAKERTRANS",
    ),
    (
        "Internet dan layanan digital",
        "internet; wifi; wi-fi; sinyal; blank spot; website; situs; aplikasi; hoaks; "
        "hoax; ppid; keterbukaan informasi",
        "DISKOMINFO",
    ),
    (
        "Perumahan",
        "rtlh; rumah tidak layak huni; bedah rumah; perumahan; rusun; rusunawa; "
        "permukiman kumuh; kawasan kumuh; sanitasi; jamban",
        "DISPERAKIM",
    ),
    (
        "Pertanian",
        "pupuk; pupuk subsidi; kartu tani; petani; gagal panen; hama; sawah; benih; "
        "alsintan; ternak; pmk; antraks",
        "DINPERTAN",
    ),
    (
        "Harga dan pasar",
        "harga; kenaikan harga; harga beras; minyak goreng; pasar; pasar tradisional; "
        "operasi pasar; elpiji; lpg; gas melon; timbangan",
        "DISPERINDAG",
    ),
    (
        "Kepegawaian ASN",
        "asn; pns; pppk; cpns; honorer; tenaga honorer; mutasi pegawai; tpp",
        "BKD",
    ),
    (
        "Pungli dan perilaku aparatur",
        "pungli; pungutan liar; suap; korupsi; gratifikasi; calo; pegawai tidak ramah",
        "INSPEKTORAT",
    ),
    (
        "Perempuan dan anak",
        "kdrt; kekerasan; kekerasan anak; kekerasan seksual; pelecehan; pelecehan seksual; "
        "perundungan; bullying; pernikahan dini; perdagangan orang",
        "DP3A",
    ),
    (
        "Pertambangan",
        "tambang; tambang ilegal; tambang pasir; penambangan; pertambangan; galian c; "
        "sumur bor; air tanah",
        "ESDM",
    ),
    (
        "Listrik (PLN)",
        "listrik; listrik mati; mati listrik; mati lampu; pln; pemadaman; token listrik; "
        "tiang listrik; kabel listrik",
        "",  # PLN is a state company, not an OPD: forwarded outside, no agency suggested
    ),
)


def default_agencies() -> list[Agency]:
    """The OPD a new desk starts with: 31 provincial agencies plus PDAM, all active."""
    return [Agency(code, name) for code, name in _AGENCIES]


def default_topics() -> list[Topic]:
    """25 common complaint topics with Indonesian keywords and the usual agency's code."""
    return [Topic(name, normal_keywords(words), code) for name, words, code in _TOPICS]


# --- suggestions -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"#(\w+)|([^\W_]+)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?\n]+")


@dataclass(frozen=True, slots=True)
class _Text:
    sentences: tuple[tuple[str, ...], ...]
    words: frozenset[str]
    joined: frozenset[str]  # every word and every hashtag without its spaces/underscores
    tags: frozenset[str]  # every hashtag without # and underscores, lower case


def _read(text: str) -> _Text:
    sentences: list[tuple[str, ...]] = []
    tags: set[str] = set()
    for part in _SENTENCE_END.split(text):
        words: list[str] = []
        for tag, word in _TOKEN.findall(part):
            if tag:
                pieces = [p for chunk in tag.split("_") for p in _CAMEL.findall(chunk)]
                words.extend(p.casefold() for p in pieces)
                tags.add(tag.replace("_", "").casefold())
            else:
                words.append(word.casefold())
        if words:
            sentences.append(tuple(words))
    every = frozenset(w for s in sentences for w in s)
    return _Text(tuple(sentences), every, every | tags, frozenset(tags))


@lru_cache(maxsize=4096)
def _keyword_words(keyword: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(keyword.casefold()))


def _chain(words: Sequence[str], keyword: Sequence[str], start: int, gap: int) -> bool:
    """Whether keyword[1:] follow words[start] in order, each within `gap` words."""
    if not keyword:
        return True
    for index in range(start + 1, min(start + gap, len(words) - 1) + 1):
        if words[index] == keyword[0] and _chain(words, keyword[1:], index, gap):
            return True
    return False


def _match(text: _Text, keyword: tuple[str, ...]) -> int:
    """0: no match; 1: within a window or a hashtag; 2: as a phrase, a word or a hashtag."""
    joined = "".join(keyword)
    if joined in text.joined:
        return 2
    best = 0
    if len(joined) >= MIN_TAG_PART and any(
        tag.startswith(joined) or tag.endswith(joined) for tag in text.tags
    ):
        best = 1
    if len(keyword) == 1 or not set(keyword) <= text.words:
        return best
    for words in text.sentences:
        for start, word in enumerate(words):
            if word != keyword[0]:
                continue
            if tuple(words[start : start + len(keyword)]) == keyword:
                return 2
            if best == 0 and _chain(words, keyword[1:], start, WINDOW):
                best = 1
    return best


def _matches(text: _Text, topic: Topic) -> Iterator[tuple[str, int, int]]:
    """(keyword, its words, 1 or 2) for each distinct keyword of the topic found in text."""
    seen: set[tuple[str, ...]] = set()
    for keyword in topic.keywords:
        words = _keyword_words(keyword)
        if not words or words in seen:
            continue
        seen.add(words)
        quality = _match(text, words)
        if quality:
            yield keyword, len(words), quality


def matching_keywords(text: str, topic: Topic) -> tuple[str, ...]:
    """The keywords of `topic` found in `text` (to show why a topic was suggested)."""
    return tuple(keyword for keyword, _, _ in _matches(_read(text), topic))


def suggest_topics(text: str, topics: Sequence[Topic]) -> list[Topic]:
    """The topics whose keywords occur in `text`, best first (see the module's notes)."""
    read = _read(text)
    ranked: list[tuple[int, int, int, Topic]] = []
    for position, topic in enumerate(topics):
        score = length = 0
        for keyword, words, quality in _matches(read, topic):
            score += 2 * words - (2 - quality)
            length += len(keyword)
        if score:
            ranked.append((-score, -length, position, topic))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]


def suggest_agency(text: str, topics: Sequence[Topic], agencies: Sequence[Agency]) -> Agency | None:
    """The agency of the best suggested topic, when it has one and it is active. A best
    topic without an agency (Listrik: PLN is not an OPD) suggests none rather than the
    runner-up's."""
    suggested = suggest_topics(text, topics)
    if not suggested:
        return None
    code = normal_code(suggested[0].agency_code)
    if not code:
        return None
    for agency in agencies:
        if normal_code(agency.code) == code:
            return agency if agency.active else None
    return None


# --- CSV files ---------------------------------------------------------------------------

AGENCY_COLUMNS = ("code", "name", "active")
TOPIC_COLUMNS = ("name", "keywords", "agency_code")

# Header names also accepted on import, for files an office wrote by hand in Indonesian.
_AGENCY_ALIASES = {
    "code": ("code", "kode", "kode_opd"),
    "name": ("name", "nama", "nama_opd"),
    "active": ("active", "aktif"),
}
_TOPIC_ALIASES = {
    "name": ("name", "nama", "topic", "topik"),
    "keywords": ("keywords", "keyword", "kata_kunci"),
    "agency_code": ("agency_code", "agency", "kode_opd", "opd"),
}
_TRUE = frozenset({"1", "true", "yes", "y", "ya", "aktif", "active", "benar"})
_FALSE = frozenset({"0", "false", "no", "n", "tidak", "nonaktif", "non-aktif", "inactive", "salah"})
_DELIMITERS = (",", ";", "\t")


def encode_csv(text: str) -> bytes:
    """The bytes of a CSV file: UTF-8 with a byte order mark, so Excel reads it right."""
    return text.encode("utf-8-sig")


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 with or without a byte order mark, UTF-16 with one
    (Excel's "Unicode Text"), else Windows-1252 (Excel's plain "CSV" on Windows)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def agencies_to_csv(agencies: Sequence[Agency], delimiter: str = ",") -> str:
    """A CSV text with the header `code,name,active`; active is 1 or 0."""
    rows = ((a.code, a.name, "1" if a.active else "0") for a in agencies)
    return _csv_text(AGENCY_COLUMNS, rows, delimiter)


def topics_to_csv(topics: Sequence[Topic], delimiter: str = ",") -> str:
    """A CSV text with the header `name,keywords,agency_code`; keywords joined by "; "."""
    rows = ((t.name, "; ".join(t.keywords), t.agency_code) for t in topics)
    return _csv_text(TOPIC_COLUMNS, rows, delimiter)


def _header_key(cell: str) -> str:
    return "_".join(cell.strip().casefold().split())


def _columns(header: Sequence[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        for column, names in aliases.items():
            if key in names and column not in found:
                found[column] = index
    return found


def _rows(
    text: str, aliases: dict[str, tuple[str, ...]], required: Sequence[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: stripped cell}) of each non-blank row after the header."""
    text = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n?|\n", text)
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ListFileError(1, ListProblem.EMPTY)
    header_line = lines[first]

    def columns_with(delimiter: str) -> dict[str, int]:
        return _columns(next(csv.reader([header_line], delimiter=delimiter)), aliases)

    delimiter = max(_DELIMITERS, key=lambda d: len(columns_with(d)))  # ties: the first
    columns = columns_with(delimiter)
    for column in required:
        if column not in columns:
            raise ListFileError(first + 1, ListProblem.MISSING_COLUMN, column)
    reader = csv.reader(io.StringIO("\n".join(lines[first:]), newline=""), delimiter=delimiter)
    next(reader)
    count = 0
    end = first + 1  # the physical line the previous record ended on
    for record in reader:
        line, end = end + 1, first + reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        if count > MAX_ROWS:
            raise ListFileError(line, ListProblem.TOO_MANY)
        yield (
            line,
            {
                column: record[index].strip() if index < len(record) else ""
                for column, index in columns.items()
            },
        )


def _active(line: int, value: str) -> bool:
    key = value.strip().casefold()
    if not key or key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ListFileError(line, ListProblem.BAD_ACTIVE, value)


def agencies_from_csv(text: str) -> list[Agency]:
    """The agencies of a CSV text, all checked first (ListFileError names the line).
    Codes are trimmed and upper-cased; an empty or absent active column means active."""
    rows: list[tuple[int, Agency]] = []
    for line, cells in _rows(text, _AGENCY_ALIASES, ("code", "name")):
        rows.append(
            (
                line,
                Agency(
                    normal_code(cells["code"]),
                    normal_name(cells["name"]),
                    _active(line, cells.get("active", "")),
                ),
            )
        )
    _check_agency_rows(rows)
    return [agency for _, agency in rows]


def topics_from_csv(text: str, agency_codes: Collection[str] | None = None) -> list[Topic]:
    """The topics of a CSV text, all checked first (ListFileError names the line).
    Keywords are separated by ";" (or ","); with `agency_codes`, a topic naming another
    agency code is refused."""
    rows: list[tuple[int, Topic]] = []
    for line, cells in _rows(text, _TOPIC_ALIASES, ("name",)):
        topic = Topic(
            normal_name(cells["name"]),
            normal_keywords(cells.get("keywords", "")),
            normal_code(cells.get("agency_code", "")),
        )
        rows.append((line, topic))
    _check_topic_rows(rows, agency_codes)
    return [topic for _, topic in rows]
