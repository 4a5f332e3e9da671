"""Read a file the user named, safely: regular files only, and never more than a limit.

A path can name a FIFO (the read blocks forever), a device such as /dev/zero (the read
never ends) or a folder; every reader of user files goes through `read_user_file`, which
refuses those with one sentence and reads at most one byte past its size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing_app.errors import BriefingError, LoadError
from briefing_app.storage.atomic import describe_os_error

_MB = 1024 * 1024
# O_NONBLOCK: should a FIFO take the file's place between the check and the open, the
# open returns at once instead of waiting for a writer. Not on Windows, which has no FIFOs.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_user_file(path: str | os.PathLike[str], what: str, max_bytes: int, *,
                   error: type[BriefingError] = LoadError) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `max_bytes` of them.

    `what` names the file's role in the sentence ("the template", "the project"); any
    problem raises `error` with one sentence naming the file.
    """
    name = Path(path).name or str(path)
    opening = f"Could not open {what} {name}"
    try:
        _check_kind(os.stat(path).st_mode, opening, error)
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as failure:
        raise error(f"{opening}: it could not be found.") from failure
    except OSError as failure:
        raise error(f"{opening}: {describe_os_error(failure)}.") from failure
    too_large = (f"{opening}: it is larger than the {_size(max_bytes)} that {what} may hold; "
                 "choose a smaller file.")
    with os.fdopen(fd, "rb") as handle:
        # Checked again on the open file: the path may have been swapped since the stat.
        status = os.fstat(handle.fileno())
        _check_kind(status.st_mode, opening, error)
        if status.st_size > max_bytes:
            raise error(too_large)
        try:
            # One byte more than allowed tells a file that grew since the fstat.
            data = handle.read(max_bytes + 1)
        except OSError as failure:
            raise error(f"{opening}: {describe_os_error(failure)}.") from failure
    if len(data) > max_bytes:
        raise error(too_large)
    return data


def _check_kind(mode: int, opening: str, error: type[BriefingError]) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    raise error(f"{opening}: it is {kind}, not a regular file; choose a saved file instead.")


def _size(count: int) -> str:
    return f"{count // _MB} MB" if count >= _MB and count % _MB == 0 else f"{count:,} bytes"
