"""The one exception the Word exporter raises, with a human one-line message."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """The export failed; ``str(error)`` is a short sentence fit for the user.

    ``kind`` tells the caller what went wrong without parsing the message (for
    translation or for choosing an icon); ``path`` is the file or folder involved.
    """

    FOLDER_MISSING = "folder_missing"
    PERMISSION = "permission"
    LOCKED = "locked"
    DISK_FULL = "disk_full"
    TEMPLATE = "template"
    CONTENT = "content"  # a chart or the logo could not be drawn
    OTHER = "other"

    def __init__(self, message: str, kind: str = OTHER, path: str | Path | None = None):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message
