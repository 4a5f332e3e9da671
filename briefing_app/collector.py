"""Keeping Python's cyclic garbage collector out of work that makes no cyclic garbage.

A full collection walks every tracked object while holding the GIL; with a long article's
briefing in memory that is tens of milliseconds, on whichever thread happens to allocate
when the count runs over. Loading a project (a parsed JSON tree, then the dataclasses made
from it) and building the autosave's text (short-lived dicts and lists) make no cycles:
reference counting frees all they throw away, and a collection during them would find
nothing, yet it would walk everything built so far. `paused()` holds collections off for
such a stretch.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders = 0  # stretches under way, in any thread
_resume = False  # whether collections were on when the first of them began


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection until the block ends (explicit gc.collect() still runs).

    The collector is one switch for the whole process, and a project may be loading on a
    worker thread while the GUI thread builds an autosave piece: the last stretch to end
    turns collections back on, and only if they were on before the first began.
    """
    global _holders, _resume
    with _lock:
        if not _holders:
            _resume = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if not _holders and _resume:
                gc.enable()
