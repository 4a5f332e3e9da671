"""Keep Python's None alive under PySide6 6.12.0 on Python 3.11.

That PySide6 release returns None from every void C++ method (setText, start,
processEvents, ...) without taking a reference, so each call lowers None's reference count
by one; after a few thousand calls CPython aborts with "none_dealloc: deallocating None".
Python 3.12 made None immortal (PEP 683), which hides the bug; on 3.11 we do the same by
hand: a huge reference count that no session can use up. Remove once PySide6 is fixed or
Python 3.11 support is dropped.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 48


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _RESERVE:
        refcount.value += _RESERVE
