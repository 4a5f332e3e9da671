"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and os.replace.

    The temporary file lives beside the target because os.replace is only atomic within one
    file system. On any OSError the temporary file is removed, the previous file is left as
    it was and the error propagates for the caller to word.
    """
    target = Path(path)
    folder = target.parent
    # A short name of its own: one built from the target's would pass the file system's
    # 255-byte limit for a target name that is itself valid, e.g. 255 bytes long.
    fd, tmp_name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            # Without fsync the rename can reach the disk before the data does.
            os.fsync(handle.fileno())
        _copy_mode(target, tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        # BaseException too: an interrupted save must not leave a stray temp file behind.
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def _copy_mode(target: Path, tmp_name: str) -> None:
    # mkstemp creates 0600 files; keep the permissions the user had on the old file.
    try:
        os.chmod(tmp_name, target.stat().st_mode & 0o7777)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on Windows, where opening a folder fails.
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


_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
}


def describe_os_error(error: OSError) -> str:
    """A few words for a failed write, to follow 'Could not save X: '."""
    return _REASONS.get(error.errno, (error.strerror or str(error)).lower())
