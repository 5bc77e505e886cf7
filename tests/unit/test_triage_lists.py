"""Agencies and topics without Qt: the defaults, keyword suggestions, the CSV files."""

from __future__ import annotations

import pytest

from app import triage_lists as tl
from app.model import Agency, Topic

TOPICS = tl.default_topics()
AGENCIES = tl.default_agencies()


def names(text: str, topics: list[Topic] = TOPICS) -> list[str]:
    return [t.name for t in tl.suggest_topics(text, topics)]


# --- defaults ----------------------------------------------------------------------------


def test_default_agencies_have_unique_valid_codes_and_names() -> None:
    assert 25 <= len(AGENCIES) <= 35
    codes = [a.code for a in AGENCIES]
    assert len({c.casefold() for c in codes}) == len(codes)
    assert all(tl.valid_code(c) and c == c.upper() for c in codes)
    assert all(a.name.strip() and a.active and a.id is None for a in AGENCIES)
    tl.check_agencies(AGENCIES)
    assert {"DPUBM", "DINKES", "DISDIK", "PDAM", "BPBD", "PBJ", "BAPENDA"} <= set(codes)
    assert not {"PLN", "POLRI", "POLISI"} & set(codes)  # not OPD


def test_default_topics_name_existing_agencies_and_have_keywords() -> None:
    assert 15 <= len(TOPICS) <= 25
    codes = {a.code for a in AGENCIES}
    tl.check_topics(TOPICS, codes)  # unique names, every non-empty code exists
    assert all(t.keywords for t in TOPICS)
    assert all(t.agency_code in codes for t in TOPICS if t.agency_code)
    # only the PLN topic goes outside the OPD
    assert [t.name for t in TOPICS if not t.agency_code] == ["Listrik (PLN)"]
    for topic in TOPICS:
        assert topic.keywords == tl.normal_keywords(topic.keywords)


def test_defaults_are_fresh_lists() -> None:
    first = tl.default_agencies()
    first.clear()
    assert tl.default_agencies() == AGENCIES


# --- suggestions -------------------------------------------------------------------------


def test_an_exact_phrase_any_case() -> None:
    assert names("Mohon perbaiki JALAN RUSAK di Jl. Pemuda") == ["Jalan dan jembatan"]
    assert names("air keruh sejak kemarin")[0] == "Air bersih"


def test_words_of_a_keyword_within_a_window() -> None:
    jalan = [t for t in TOPICS if t.name == "Jalan dan jembatan"]
    assert names("jalan di desa kami rusak parah", jalan) == ["Jalan dan jembatan"]
    assert tl.matching_keywords("Jalan di Desa X rusak", jalan[0]) == ("jalan rusak",)
    # too far apart, in the wrong order, or in another sentence: no match
    assert names("jalan menuju desa sukamaju kecamatan x rusak", jalan) == []
    assert names("rusak semua, jalan", jalan) == []
    assert names("Jalan sudah bagus. Lampu rusak", jalan) == []


def test_a_window_counts_less_than_a_phrase() -> None:
    topics = [Topic("Window", ("jalan rusak",)), Topic("Phrase", ("lampu jalan",))]
    assert names("lampu jalan depan rumah rusak", topics) == ["Phrase", "Window"]


def test_hashtags() -> None:
    assert names("#JalanRusak di Semarang") == ["Jalan dan jembatan"]
    assert names("parah #jalanrusak") == ["Jalan dan jembatan"]
    assert names("#jalan_rusak") == ["Jalan dan jembatan"]
    assert names("#PDAMMati 3 hari") == ["Air bersih"]
    # a keyword of 4+ letters at the start or end of a hashtag counts, like a window
    assert names("#PDAMmati lagi") == ["Air bersih"]
    assert names("#stopjalanrusak") == ["Jalan dan jembatan"]
    assert names("#kknpolri #ktpku") == []  # "kk" and "ktp" are too short to find inside
    topics = [Topic("Tag", ("pdam",)), Topic("Word", ("air",))]
    assert names("#pdamkota air", topics) == ["Word", "Tag"]
    # a word written without the keyword's space or hyphen matches as well
    assert names("akun ekatalog saya terkunci") == ["Pengadaan / LPSE"]


def test_whole_words_only() -> None:
    assert names("KK saya hilang") == ["Kependudukan"]
    assert names("Kartu keluarga (KK) hilang") == ["Kependudukan"]
    assert names("laporkan kkn di kantor") == []
    assert names("e-KTP belum jadi") == ["Kependudukan"]
    assert names("rumah saya roboh") == []  # the keyword "rob" (tidal flood) is no prefix


def test_more_and_longer_matches_rank_first() -> None:
    assert names("banjir bandang lagi") == ["Bencana", "Banjir dan sungai"]
    assert names("daftar BPJS Ketenagakerjaan") == ["Ketenagakerjaan", "Kesehatan"]
    topics = [Topic("One", ("sekolah",)), Topic("Two", ("guru", "honorer"))]
    assert names("guru honorer di sekolah", topics) == ["Two", "One"]
    # a tie goes to the longer keyword, then to the list's order
    tie = [Topic("A", ("pkl",)), Topic("B", ("pasar",)), Topic("C", ("pkl",))]
    assert names("pkl di pasar", tie) == ["B", "A", "C"]
    assert names("halo admin") == []


def test_suggest_agency_follows_the_best_topic() -> None:
    assert tl.suggest_agency("jalan berlubang di km 5", TOPICS, AGENCIES) == Agency(
        "DPUBM", "Dinas Pekerjaan Umum Bina Marga dan Cipta Karya"
    )
    assert tl.suggest_agency("halo", TOPICS, AGENCIES) is None
    # the best topic has no agency (PLN is not an OPD): none, not the runner-up's
    assert tl.suggest_agency("listrik mati dan jalan rusak", TOPICS, AGENCIES) is None
    inactive = [Agency("DPUBM", "Bina Marga", active=False)]
    assert tl.suggest_agency("jalan rusak", TOPICS, inactive) is None
    lower = [Topic("Jalan", ("jalan rusak",), "dpubm")]
    assert tl.suggest_agency("jalan rusak", lower, AGENCIES) is not None


def test_normal_keywords() -> None:
    assert tl.normal_keywords(" Jalan  Rusak; aspal, LUBANG;; aspal ") == (
        "jalan rusak",
        "aspal",
        "lubang",
    )
    assert tl.normal_keywords(["A", " a ", "b"]) == ("a", "b")


# --- CSV ---------------------------------------------------------------------------------


def test_csv_round_trips() -> None:
    agencies = [*AGENCIES[:3], Agency("PLN", "PLN UP3 Semarang — bukan OPD", active=False)]
    text = tl.agencies_to_csv(agencies)
    assert text.startswith("code,name,active\r\n")
    assert tl.agencies_from_csv(text) == agencies
    assert tl.topics_from_csv(tl.topics_to_csv(TOPICS)) == TOPICS
    semicolons = tl.topics_to_csv(TOPICS, delimiter=";")
    assert semicolons.startswith("name;keywords;agency_code\r\n")
    assert tl.topics_from_csv(semicolons) == TOPICS


def test_files_are_written_with_a_bom_and_read_in_excels_encodings() -> None:
    text = tl.agencies_to_csv([Agency("DINKES", "Dinas Kesehatan — Jawa Tengah")])
    data = tl.encode_csv(text)
    assert data.startswith(b"\xef\xbb\xbf")
    assert tl.decode_csv(data) == text
    assert tl.decode_csv(text.encode("utf-16")) == text
    assert tl.decode_csv("code,name\r\nX,Caf\xe9\r\n".encode("cp1252")).endswith("Café\r\n")


def test_excel_files_bom_semicolons_and_indonesian_headers() -> None:
    text = "\ufeffKode;Nama;Aktif\r\ndinkes;Dinas Kesehatan;ya\r\n\r\nBPBD;BPBD;TIDAK\r\n"
    assert tl.agencies_from_csv(text) == [
        Agency("DINKES", "Dinas Kesehatan"),
        Agency("BPBD", "BPBD", active=False),
    ]
    # no active column, extra columns ignored, quoted separators kept
    text = 'name,code,note\n"Dinas PU, Bina Marga",DPUBM,x\n'
    assert tl.agencies_from_csv(text) == [Agency("DPUBM", "Dinas PU, Bina Marga")]
    topics = 'topik;kata kunci;kode_opd\nJalan;"jalan rusak; aspal";dpubm\n'
    assert tl.topics_from_csv(topics) == [Topic("Jalan", ("jalan rusak", "aspal"), "DPUBM")]
    assert tl.topics_from_csv("name\nLain-lain\n") == [Topic("Lain-lain")]


@pytest.mark.parametrize(
    ("text", "line", "problem", "message"),
    [
        ("", 1, tl.ListProblem.EMPTY, "line 1: the file is empty"),
        ("kode,active\nX,1\n", 1, tl.ListProblem.MISSING_COLUMN, "no column 'name'"),
        ("code,name\nA,Satu\n,Dua\n", 3, tl.ListProblem.MISSING_CODE, "the code is missing"),
        ("code,name\nDPU BM,Satu\n", 2, tl.ListProblem.BAD_CODE, "code 'DPU BM' may only"),
        (
            "code,name\nA,Satu\nB,Dua\na,Tiga\n",
            4,
            tl.ListProblem.DUPLICATE_CODE,
            "line 4: code 'A' is already used on line 2",
        ),
        ("code,name\nA,  \n", 2, tl.ListProblem.EMPTY_NAME, "the name is empty"),
        (
            "code,name,active\nA,Satu,mungkin\n",
            2,
            tl.ListProblem.BAD_ACTIVE,
            "not 'mungkin'",
        ),
        # a quoted line break: the line number is where the record starts
        ('code,name\nA,"Satu\nlagi"\nA,Dua\n', 4, tl.ListProblem.DUPLICATE_CODE, "line 4"),
    ],
)
def test_agency_file_errors(text: str, line: int, problem: tl.ListProblem, message: str) -> None:
    with pytest.raises(tl.ListFileError) as raised:
        tl.agencies_from_csv(text)
    assert (raised.value.line, raised.value.problem) == (line, problem)
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("text", "line", "problem", "message"),
    [
        ("keywords\njalan\n", 1, tl.ListProblem.MISSING_COLUMN, "no column 'name'"),
        ("name,keywords\n ,jalan\n", 2, tl.ListProblem.EMPTY_NAME, "line 2: the name is empty"),
        (
            "name,keywords\n\nJalan,a\njalan,b\n",
            4,
            tl.ListProblem.DUPLICATE_NAME,
            "name 'jalan' is already used on line 3",
        ),
        ("name,agency_code\nJalan,XYZ\n", 2, tl.ListProblem.UNKNOWN_AGENCY, "code 'XYZ'"),
        ("name,agency_code\nJalan,DP U\n", 2, tl.ListProblem.BAD_CODE, "'DP U'"),
    ],
)
def test_topic_file_errors(text: str, line: int, problem: tl.ListProblem, message: str) -> None:
    with pytest.raises(tl.ListFileError) as raised:
        tl.topics_from_csv(text, agency_codes=["dpubm"])
    assert (raised.value.line, raised.value.problem) == (line, problem)
    assert message in str(raised.value)


def test_unknown_agency_codes_pass_without_a_list_to_check() -> None:
    assert tl.topics_from_csv("name,agency_code\nJalan,XYZ\n") == [Topic("Jalan", (), "XYZ")]


def test_too_many_rows() -> None:
    text = "code,name\n" + "".join(f"A{n},x\n" for n in range(tl.MAX_ROWS + 1))
    with pytest.raises(tl.ListFileError) as raised:
        tl.agencies_from_csv(text)
    assert raised.value.problem is tl.ListProblem.TOO_MANY


def test_list_checks_compare_codes_ignoring_case() -> None:
    with pytest.raises(tl.ListFileError) as raised:
        tl.check_agencies([Agency("DPUBM", "a"), Agency("BPBD", "b"), Agency("dpubm", "c")])
    assert (raised.value.line, raised.value.other) == (3, 1)
    with pytest.raises(tl.ListFileError) as raised:
        tl.check_topics([Topic("Jalan"), Topic("JALAN")])
    assert raised.value.problem is tl.ListProblem.DUPLICATE_NAME
