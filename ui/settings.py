"""User settings (not seminar data), each declared once with its default.

They live in QSettings, apart from the seminar files. Tests point QSettings at a
temporary folder so the user's real settings are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from workshop_app import APP_NAME, ORGANISATION

MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    default: object
    title: str  # English, translated where shown


LANGUAGE = Setting("ui/language", "", "Language of the interface")
SHARED_SCREEN = Setting("shared/screen_name", "", "Screen for the shared screen")
RECENT_FILES = Setting("files/recent", [], "Recent seminars")
CHIME = Setting("run/chime", True, "Chime when a timer reaches zero")
NEXT_STARTS = Setting("run/next_starts_timer", False, "Next block (PageDown) also starts its timer")


def qsettings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APP_NAME)


def get(setting: Setting):
    value = qsettings().value(setting.key, setting.default)
    if isinstance(setting.default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(setting.default, list):
        if value in (None, ""):
            return []
        return [value] if isinstance(value, str) else list(value)
    return value


def put(setting: Setting, value) -> None:
    settings = qsettings()
    settings.setValue(setting.key, value)
    settings.sync()


def recent_files() -> list[str]:
    return [str(p) for p in get(RECENT_FILES)]


def add_recent(path: str) -> None:
    files = [p for p in recent_files() if p != path]
    put(RECENT_FILES, ([path] + files)[:MAX_RECENT])


def remove_recent(path: str) -> None:
    put(RECENT_FILES, [p for p in recent_files() if p != path])
