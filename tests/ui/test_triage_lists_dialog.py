"""The agencies and topics dialog: editing, the Delete key, refusing OK with a reason in
place, CSV import (merging) and export, and topics' agency choice following agency edits."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import triage_lists as tl
from app.model import Agency, Topic
from app.ui import agencies_tab, list_tab, topics_tab
from app.ui import triage_lists_dialog as triage_dialog
from app.ui.triage_lists_dialog import CODE, KEYWORDS, NAME, TOPIC, TriageListsDialog


def stored_agencies() -> list[Agency]:
    return [dataclasses.replace(a, id=n) for n, a in enumerate(tl.default_agencies(), start=1)]


def stored_topics() -> list[Topic]:
    return [dataclasses.replace(t, id=n) for n, t in enumerate(tl.default_topics(), start=1)]


@pytest.fixture
def dialog(qtbot: QtBot) -> TriageListsDialog:
    shown = TriageListsDialog(stored_agencies(), stored_topics())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def agency_row(dialog: TriageListsDialog, code: str) -> int:
    table = dialog.agency_table
    return next(r for r in range(table.rowCount()) if table.cell(r, CODE).text() == code)


def topic_row(dialog: TriageListsDialog, name: str) -> int:
    table = dialog.topic_table
    return next(r for r in range(table.rowCount()) if table.cell(r, TOPIC).text() == name)


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def click_ok(qtbot: QtBot, dialog: TriageListsDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_unchanged_lists_come_back_as_given(dialog: TriageListsDialog) -> None:
    assert dialog.agencies() == stored_agencies()
    assert dialog.topics() == stored_topics()


def test_edit_a_name_and_keywords_keeps_ids(dialog: TriageListsDialog) -> None:
    dialog.agency_table.cell(agency_row(dialog, "DINKES"), NAME).setText("  Dinkes  Provinsi ")
    row = topic_row(dialog, "Kesehatan")
    dialog.topic_table.cell(row, KEYWORDS).setText("Puskesmas; BPJS, rumah  sakit")
    dinkes = next(a for a in dialog.agencies() if a.code == "DINKES")
    assert (dinkes.name, dinkes.id) == ("Dinkes Provinsi", 5)
    health = dialog.topics()[row]
    assert health.keywords == ("puskesmas", "bpjs", "rumah sakit")
    assert health.id == row + 1


def test_add_and_remove_rows_with_the_delete_key(
    qtbot: QtBot, dialog: TriageListsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = len(stored_agencies())
    qtbot.mouseClick(dialog.add_agency_button, Qt.MouseButton.LeftButton)
    table = dialog.agency_table
    assert table.rowCount() == before + 1
    assert table.currentRow() == before  # the new row's code is open for typing
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "pln")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    table.cell(before, NAME).setText("PLN UP3 Semarang")
    added = dialog.agencies()[-1]
    assert (added.code, added.name, added.active, added.id) == (
        "PLN",
        "PLN UP3 Semarang",
        True,
        None,
    )
    # a blank added row is no agency and no problem
    qtbot.mouseClick(dialog.add_agency_button, Qt.MouseButton.LeftButton)
    assert len(dialog.agencies()) == before + 1
    assert dialog.problem_text() == ""

    # Delete removes the selected row (no topic refers to BAPPEDA: nothing asked)
    asked = answer(monkeypatch, yes=False)
    table.setFocus()
    table.selectRow(agency_row(dialog, "BAPPEDA"))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == []
    assert "BAPPEDA" not in [a.code for a in dialog.agencies()]

    topics = dialog.topic_table
    count = topics.rowCount()
    qtbot.mouseClick(dialog.add_topic_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == 1
    topics.cell(count, TOPIC).setText("Lain-lain")
    assert dialog.topics()[-1] == Topic("Lain-lain")
    topics.setFocus()
    topics.selectRow(topic_row(dialog, "Pertambangan"))
    qtbot.keyClick(topics, Qt.Key.Key_Delete)
    assert "Pertambangan" not in [t.name for t in dialog.topics()]
    assert topics.rowCount() == count


def test_duplicate_code_or_empty_name_refuses_ok_with_a_visible_reason(
    qtbot: QtBot, dialog: TriageListsDialog
) -> None:
    bpbd = agency_row(dialog, "BPBD")
    dialog.agency_table.cell(bpbd, CODE).setText(" dinkes ")
    assert dialog.agency_table.cell(bpbd, CODE).text() == "DINKES"  # normalised as typed
    dialog.tabs.setCurrentIndex(1)
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    dinkes = agency_row(dialog, "DINKES")
    assert dialog.problem.text() == (
        f"Agencies, row {bpbd + 1}: The code DINKES is already used in row {dinkes + 1}."
    )
    assert dialog.tabs.currentIndex() == 0  # taken to the row
    assert dialog.agency_table.currentRow() == bpbd

    dialog.agency_table.cell(bpbd, CODE).setText("BPBD")
    row = topic_row(dialog, "Bencana")
    dialog.topic_table.cell(row, TOPIC).setText("   ")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problem.text() == f"Topics, row {row + 1}: The name is empty."
    assert dialog.tabs.currentIndex() == 1

    dialog.topic_table.cell(row, TOPIC).setText("Bencana alam")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.problem.text() == ""


def test_topics_agency_choice_follows_agency_edits(
    dialog: TriageListsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    roads = topic_row(dialog, "Jalan dan jembatan")
    combo = dialog._combo(roads)
    assert combo.currentText().startswith("DPUBM — Dinas Pekerjaan Umum")
    # renaming the code, the name, and deactivating: the topic keeps its agency
    row = agency_row(dialog, "DPUBM")
    dialog.agency_table.cell(row, CODE).setText("dpu-bm")
    dialog.agency_table.cell(row, NAME).setText("Bina Marga")
    dialog.agency_table.cell(row, 2).setCheckState(Qt.CheckState.Unchecked)
    assert combo.currentText() == "DPU-BM — Bina Marga (inactive)"
    assert dialog.topics()[roads].agency_code == "DPU-BM"
    # a new agency can be chosen at once
    new = dialog.agency_table.rowCount()
    dialog.add_agency()
    dialog.agency_table.cell(new, CODE).setText("PLN")
    dialog.agency_table.cell(new, NAME).setText("PLN UP3")
    electricity = topic_row(dialog, "Listrik (PLN)")
    pln = dialog._combo(electricity)
    pln.setCurrentIndex(pln.findText("PLN — PLN UP3"))
    assert dialog.topics()[electricity].agency_code == "PLN"

    # removing an agency topics use asks first; No keeps it
    asked = answer(monkeypatch, yes=False)
    dialog.agency_table.selectRow(row)
    assert not dialog.remove_agencies()
    assert "Jalan dan jembatan" in asked[0]
    assert dialog.topics()[roads].agency_code == "DPU-BM"
    # Yes removes it and clears the topics' agency, saying which
    answer(monkeypatch, yes=True)
    dialog.agency_table.selectRow(row)
    assert dialog.remove_agencies()
    assert dialog.topics()[roads].agency_code == ""
    assert combo.currentText() == "(no agency)"
    assert "Jalan dan jembatan" in dialog.problem.text()
    assert dialog.problem_text() == ""


def test_import_merges_by_code_and_refuses_a_bad_file(
    qtbot: QtBot, dialog: TriageListsDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    csv_file = tmp_path / "opd.csv"
    csv_file.write_bytes(
        "\ufeffkode;nama;aktif\r\ndpubm;Dinas PU Bina Marga;tidak\r\nPLN;PLN UP3 Semarang;1\r\n"
        .encode()
    )  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(csv_file), ""))
    before = stored_agencies()
    qtbot.mouseClick(dialog.import_agencies_button, Qt.MouseButton.LeftButton)
    after = dialog.agencies()
    assert len(after) == len(before) + 1  # nothing removed, one added
    dpubm = next(a for a in after if a.code == "DPUBM")
    assert dpubm == Agency("DPUBM", "Dinas PU Bina Marga", active=False, id=1)
    assert after[-1] == Agency("PLN", "PLN UP3 Semarang", active=True, id=None)
    assert dialog.problem.text() == "Imported 2 agencies: 1 new, 1 updated."

    csv_file.write_text("code,name\nA,Satu\na,Dua\n", encoding="utf-8")
    qtbot.mouseClick(dialog.import_agencies_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == (
        "Nothing was imported. Line 3: The code A is already used on line 2."
    )
    assert dialog.agencies() == after


def test_import_topics_resolves_agency_codes(dialog: TriageListsDialog, tmp_path: Path) -> None:
    csv_file = tmp_path / "topik.csv"
    csv_file.write_text(
        "name,keywords,agency_code\n"
        'Kesehatan,"rsud; dokter",RSUD\n'
        "Wisata,pantai; tiket masuk,dispar\n",
        encoding="utf-8",
    )
    assert dialog.import_topics(csv_file) == 2
    topics = dialog.topics()
    health = topics[topic_row(dialog, "Kesehatan")]
    assert (health.keywords, health.agency_code, health.id) == (("rsud", "dokter"), "RSUD", 8)
    assert topics[-1] == Topic("Wisata", ("pantai", "tiket masuk"), "DISPAR")
    assert dialog._combo(len(topics) - 1).currentText() == "DISPAR — Dinas Pariwisata"

    csv_file.write_text("name,agency_code\nListrik,PLN\n", encoding="utf-8")
    assert dialog.import_topics(csv_file) == 0
    assert dialog.problem.text() == (
        "Nothing was imported. Line 2: No agency has the code PLN. "
        "Add it on the Agencies tab first."
    )


def test_export_writes_an_excel_friendly_file_that_imports_back(
    qtbot: QtBot, dialog: TriageListsDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "keluar.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    qtbot.mouseClick(dialog.export_topics_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert tl.topics_from_csv(tl.decode_csv(data)) == tl.default_topics()
    qtbot.mouseClick(dialog.export_agencies_button, Qt.MouseButton.LeftButton)
    assert tl.agencies_from_csv(tl.decode_csv(target.read_bytes())) == tl.default_agencies()

    # a list OK would refuse is not exported either
    dialog.agency_table.cell(0, NAME).setText("")
    target.unlink()
    assert not dialog.export_agencies(target)
    assert not target.exists()
    assert dialog.problem.text() == "Agencies, row 1: The name is empty."


def test_restore_defaults_keeps_ids_of_rows_still_there(
    dialog: TriageListsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.add_agency()
    dialog.agency_table.cell(dialog.agency_table.rowCount() - 1, CODE).setText("PLN")
    dialog.agency_table.cell(dialog.agency_table.rowCount() - 1, NAME).setText("PLN")
    dialog.agency_table.cell(0, NAME).setText("Bina Marga")
    answer(monkeypatch, yes=False)
    assert not dialog.restore_agencies()
    answer(monkeypatch, yes=True)
    assert dialog.restore_agencies()
    assert dialog.agencies() == stored_agencies()
    assert dialog.topics() == stored_topics()  # their agencies are all still there

    dialog.topic_table.cell(0, TOPIC).setText("Jalan")
    assert dialog.restore_topics()
    restored = dialog.topics()
    assert restored[0] == dataclasses.replace(tl.default_topics()[0], id=None)
    assert restored[1:] == stored_topics()[1:]


def test_the_sample_text_shows_what_would_be_suggested(dialog: TriageListsDialog) -> None:
    dialog.sample.setText("jalan di desa kami rusak parah #PDAMmati")
    assert dialog.sample_result.text() == ("Topics: Jalan dan jembatan, Air bersih. Agency: DPUBM.")
    dialog.sample.setText("halo admin")
    assert dialog.sample_result.text() == "No topic matches this text."


class HolidaysPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.problem = ""

    def problem_text(self) -> str:
        return self.problem


def test_added_tabs_can_refuse_ok(qtbot: QtBot, dialog: TriageListsDialog) -> None:
    page = HolidaysPage()
    index = dialog.add_tab(page, "Holidays")
    assert dialog.tabs.tabText(index) == "Holidays"
    page.problem = "17 August is listed twice."
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problem.text() == "17 August is listed twice."
    assert dialog.tabs.currentWidget() is page
    page.problem = ""
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_every_text_is_translatable_in_one_context() -> None:
    """Only literal translate() calls reach the catalogue (pyside6-lupdate and
    tests/ui/test_i18n.py read the source); all of this dialog's use its class's name, in
    its own module and in those of its tabs."""
    source = "".join(
        Path(str(module.__file__)).read_text(encoding="utf-8")
        for module in (triage_dialog, agencies_tab, topics_tab, list_tab)
    )
    calls = re.findall(r"QCoreApplication\.translate\(\s*(\S+?),", source)
    assert len(calls) > 40
    assert set(calls) == {'"TriageListsDialog"'}
    assert "_tr(" not in source
