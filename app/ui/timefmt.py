"""Times in the UI language: short relative ages ("5 mnt", "2 jam"), and full dates and
times in the office's time zone (WIB, WITA or WIT), whatever the PC's clock is set to."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

OFFICE_ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
"""Indonesia's three zones and what people call them; "system" follows the PC."""

_office = QTimeZone.systemTimeZone()
_office_label = ""


def set_office_zone(name: str) -> None:
    """The zone scheduled times are shown and picked in (setting `timezone`)."""
    global _office, _office_label
    zone = QTimeZone(QByteArray(name.encode())) if name in OFFICE_ZONES else QTimeZone()
    if zone.isValid():
        _office, _office_label = zone, OFFICE_ZONES[name]
    else:
        _office, _office_label = QTimeZone.systemTimeZone(), ""


def in_office_zone(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()), _office)


def pick_in_office_zone(edit: QDateTimeEdit, when: datetime) -> None:
    """Show and edit `when` in the office's zone (the edit's zone label says which)."""
    edit.setTimeZone(_office)
    edit.setDateTime(in_office_zone(when))
    if _office_label:
        edit.setDisplayFormat(edit.displayFormat().replace(" t", "") + f" '{_office_label}'")


def relative_time(when: datetime, now: datetime, locale: QLocale | None = None) -> str:
    """A compact age for post lists; future times (scheduled posts) read "in 5 min"."""
    delta = now - when
    future = delta < timedelta(0)
    seconds = int(abs(delta.total_seconds()))
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if seconds < 60:
        return QCoreApplication.translate("time", "now")
    if minutes < 60:
        text = QCoreApplication.translate("time", "%n min", "", minutes)
    elif hours < 24:
        text = QCoreApplication.translate("time", "%n h", "", hours)
    elif days < 7:
        text = QCoreApplication.translate("time", "%n d", "", days)
    else:
        loc = locale or QLocale()
        local = when.astimezone()
        fmt = "d MMM" if local.year == now.astimezone().year else "d MMM yyyy"
        return loc.toString(QDate(local.year, local.month, local.day), fmt)
    if future:
        return QCoreApplication.translate("time", "in %1").replace("%1", text)
    return text


def office_date(when: datetime, locale: QLocale | None = None) -> str:
    """The day only, in the office's zone: a working-day deadline ends with its day."""
    return (locale or QLocale()).toString(in_office_zone(when).date(), "ddd, d MMM yyyy")


def absolute_time(when: datetime, locale: QLocale | None = None) -> str:
    """Full date and time in the office's zone, for tooltips and scheduled posts."""
    loc = locale or QLocale()
    local = in_office_zone(when)
    day = local.date()
    clock = QTime(local.time().hour(), local.time().minute())
    short = QLocale.FormatType.ShortFormat
    text = f"{loc.toString(day, 'ddd, d MMM yyyy')} {loc.toString(clock, short)}"
    return f"{text} {_office_label}" if _office_label else text
