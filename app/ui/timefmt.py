"""Short relative times ("5 mnt", "2 jam") in the UI language."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime


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


def absolute_time(when: datetime, locale: QLocale | None = None) -> str:
    """Full local date and time for tooltips and scheduled posts."""
    loc = locale or QLocale()
    local = when.astimezone()
    day = QDate(local.year, local.month, local.day)
    clock = QTime(local.hour, local.minute)
    short = QLocale.FormatType.ShortFormat
    return f"{loc.toString(day, 'ddd, d MMM yyyy')} {loc.toString(clock, short)}"
