"""Hashtag column: posts with one or several tags (any or all of them, minus excluded ones)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.model import Account, ColumnSpec, FeedKind, FeedSpec, TagMatch
from columns.base import ColumnKind, SettingsForm, accounts_of

_TAG = re.compile(r"[^\W_][\w]*", re.UNICODE)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags from what the user typed ("#KemalaJateng, LaporGub"), without '#', deduplicated
    case-insensitively, first spelling kept."""
    seen: dict[str, str] = {}
    for word in re.split(r"[\s,;]+", text):
        tag = word.strip().lstrip("#")
        if tag and _TAG.fullmatch(tag) and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class HashtagForm(SettingsForm):
    def __init__(self, options: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(
            QCoreApplication.translate("columns", "#KemalaJateng #LaporGub")
        )
        self.match_box = QComboBox(self)
        self.match_box.addItem(
            QCoreApplication.translate("columns", "Any of these tags"), TagMatch.ANY.value
        )
        self.match_box.addItem(
            QCoreApplication.translate("columns", "All of these tags"), TagMatch.ALL.value
        )
        self.exclude_edit = QLineEdit(self)
        self.exclude_edit.setPlaceholderText(QCoreApplication.translate("columns", "#spam"))
        layout.addRow(QCoreApplication.translate("columns", "Tags:"), self.tags_edit)
        layout.addRow(QCoreApplication.translate("columns", "Match:"), self.match_box)
        layout.addRow(QCoreApplication.translate("columns", "Except:"), self.exclude_edit)
        spec = ColumnSpec("hashtag", options=options)
        self.tags_edit.setText(" ".join(f"#{t}" for t in spec.option_list("tags")))
        self.exclude_edit.setText(" ".join(f"#{t}" for t in spec.option_list("exclude")))
        index = self.match_box.findData(spec.option_str("match", TagMatch.ANY.value))
        self.match_box.setCurrentIndex(max(index, 0))

    def options(self) -> dict[str, object]:
        return {
            "tags": list(parse_tags(self.tags_edit.text())),
            "match": str(self.match_box.currentData()),
            "exclude": list(parse_tags(self.exclude_edit.text())),
        }

    def problem(self) -> str:
        if not parse_tags(self.tags_edit.text()):
            return QCoreApplication.translate(
                "columns", "Type at least one tag, for example #KemalaJateng."
            )
        return ""


class HashtagKind(ColumnKind):
    name = "hashtag"
    icon = "hashtag"
    order = 10

    def label(self) -> str:
        return QCoreApplication.translate("columns", "Hashtag")

    def description(self) -> str:
        return QCoreApplication.translate(
            "columns", "Every public post with one or several tags, such as #KemalaJateng."
        )

    def title(self, spec: ColumnSpec) -> str:
        tags = spec.option_list("tags")
        if not tags:
            return self.label()
        joiner = " + " if spec.option_str("match") == TagMatch.ALL.value else " / "
        return joiner.join(f"#{t}" for t in tags)

    def default_options(self) -> dict[str, object]:
        return {"tags": [], "match": TagMatch.ANY.value, "exclude": []}

    def feeds(self, spec: ColumnSpec, accounts: Sequence[Account]) -> tuple[FeedSpec, ...]:
        tags = spec.option_list("tags")
        if not tags:
            return ()
        try:
            match = TagMatch(spec.option_str("match", TagMatch.ANY.value))
        except ValueError:
            match = TagMatch.ANY
        exclude = spec.option_list("exclude")
        return tuple(
            FeedSpec(a.id, FeedKind.TAG, tags=tags, match=match, exclude=exclude)
            for a in accounts_of(spec, accounts)
        )

    def settings_form(
        self, options: Mapping[str, object], parent: QWidget | None = None
    ) -> SettingsForm:
        return HashtagForm(options, parent)


KIND = HashtagKind()
