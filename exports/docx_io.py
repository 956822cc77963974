"""Atomic writing of the finished document, with human error messages.

The bytes go to a temporary file in the target's own folder, are flushed to disk,
then ``os.replace`` swaps them in. On any failure the temporary file is removed and
an existing target is left exactly as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .docx_errors import ExportError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _lock_files(target: Path) -> list[Path]:
    """Lock files Word (``~$name.docx``, shortened for long names) or LibreOffice leave."""
    name, stem_len = target.name, len(target.stem)
    # Word drops the first one or two characters of names longer than 6 characters.
    cut = 0 if stem_len <= 6 else (1 if stem_len == 7 else 2)
    candidates = {"~$" + name, "~$" + name[cut:], f".~lock.{name}#"}
    return [target.with_name(c) for c in sorted(candidates)]


def _open_elsewhere(target: Path) -> ExportError:
    return ExportError(
        f"“{target.name}” seems to be open in Word or another program: close it and try again.",
        ExportError.LOCKED, target,
    )


def check_target(out_path: str | Path) -> Path:
    """Validate the destination before any work; return it as an absolute path."""
    target = Path(out_path).expanduser().absolute()
    folder = target.parent
    if not folder.exists():
        raise ExportError(
            f"The folder “{folder}” does not exist: choose another folder.",
            ExportError.FOLDER_MISSING, folder,
        )
    if not folder.is_dir():
        raise ExportError(
            f"“{folder}” is not a folder: choose another location.",
            ExportError.FOLDER_MISSING, folder,
        )
    if target.is_dir():
        raise ExportError(
            f"“{target.name}” is a folder, not a file: choose another file name.",
            ExportError.OTHER, target,
        )
    for lock in _lock_files(target):
        if lock.exists():
            raise _open_elsewhere(target)
    return target


def _no_permission(folder: Path) -> ExportError:
    return ExportError(
        f"You are not allowed to write in the folder “{folder}”: choose another folder.",
        ExportError.PERMISSION, folder,
    )


def _translate(exc: OSError, target: Path, replacing: bool) -> ExportError:
    folder = target.parent
    if exc.errno in _DISK_FULL:
        return ExportError(
            "The disk is full: free some space or choose another folder, then try again.",
            ExportError.DISK_FULL, folder,
        )
    if isinstance(exc, FileNotFoundError):
        return ExportError(
            f"The folder “{folder}” does not exist any more: choose another folder.",
            ExportError.FOLDER_MISSING, folder,
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        # On Windows, replacing a file another program holds open fails with EACCES.
        if replacing and target.exists():
            return _open_elsewhere(target)
        return _no_permission(folder)
    if getattr(exc, "winerror", None) in (32, 33):  # sharing / lock violation
        return _open_elsewhere(target)
    detail = exc.strerror or str(exc) or type(exc).__name__
    return ExportError(
        f"The document could not be saved as “{target}” ({detail}).", ExportError.OTHER, target
    )


def _file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def write_atomic(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` atomically, or raise ExportError leaving no trace."""
    folder = target.parent
    tmp: str | None = None
    replacing = False
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".docx.tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, _file_mode(target))  # mkstemp creates 0600 files
        except OSError:
            pass
        for lock in _lock_files(target):  # the file may have been opened meanwhile
            if lock.exists():
                raise _open_elsewhere(target)
        replacing = True
        os.replace(tmp, target)
        tmp = None
        _fsync_folder(folder)
    except ExportError:
        raise
    except OSError as exc:
        raise _translate(exc, target, replacing) from exc
    except Exception as exc:  # pragma: no cover - defensive
        raise ExportError(
            f"The document could not be saved as “{target}” ({exc}).", ExportError.OTHER, target
        ) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable on POSIX; a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
