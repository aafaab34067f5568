"""Files named by users: read with a size limit, written only where writing can work.

Reading refuses what is not a regular file (``/dev/zero``, a folder, a pipe)
and anything over the limit without loading it. Writing checks the target
before the work is done (folder exists, target is not a folder, writable)
and reports a full disk or a lost connection as one sentence; a regular
file is written to a temporary sibling and moved into place, so a failed
write never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from core.errors import SerreError

DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; otherwise a :class:`SerreError`."""
    name = str(path)
    try:
        info = os.stat(name)
    except FileNotFoundError as exc:
        raise SerreError("error.file_missing", path=name) from exc
    except OSError as exc:
        raise SerreError("error.file_unreadable", path=name, detail=exc.strerror) from exc
    if stat.S_ISDIR(info.st_mode):
        raise SerreError("error.file_is_directory", path=name)
    if not stat.S_ISREG(info.st_mode):
        raise SerreError("error.file_not_regular", path=name)
    if info.st_size > limit:
        raise SerreError("error.file_too_large", path=name, limit=_mb(limit))
    try:
        with open(name, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise SerreError("error.file_unreadable", path=name, detail=exc.strerror) from exc
    if len(data) > limit:  # the file grew while we looked
        raise SerreError("error.file_too_large", path=name, limit=_mb(limit))
    return data


def _mb(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB"


def check_output(path: str | Path) -> Path:
    """Refuse an output path that cannot be written, before any work is done."""
    target = Path(path)
    name = str(path)
    if not name.strip() or name.endswith(os.sep):
        raise SerreError("error.out_is_directory", path=name)
    if target.is_dir():
        raise SerreError("error.out_is_directory", path=name)
    folder = target.parent
    if not folder.is_dir():
        raise SerreError("error.out_folder_missing", path=name, folder=str(folder))
    if target.exists():
        if not os.access(target, os.W_OK):
            raise SerreError("error.out_not_writable", path=name)
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise SerreError("error.out_not_writable", path=name)
    return target


def write_output(path: str | Path, data: bytes | str) -> str:
    """Write ``data`` to ``path`` (checked first); every failure is one clear sentence."""
    target = check_output(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if target.exists() and not target.is_file():  # /dev/null, a terminal: write in place
            with open(target, "wb") as handle:
                handle.write(payload)
        else:
            _replace(target, payload)
    except OSError as exc:
        if exc.errno in DISK_FULL:
            raise SerreError("error.out_disk_full", path=str(path)) from exc
        raise SerreError("error.file_unwritable", path=str(path), detail=exc.strerror) from exc
    return str(target)


def _replace(target: Path, payload: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
