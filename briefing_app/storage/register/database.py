"""The register's SQLite database: opening it (WAL journal, integrity check, migrations to
the newest schema) and reading and writing its entries.

The standard library's sqlite3 only. A damaged or newer file raises RegisterError with one
sentence; the caller goes on without a register, since no briefing needs one to open.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from briefing_app import paths
from briefing_app.domain.register_match import RegisterEntry, name_key
from briefing_app.errors import RegisterError

FILE_NAME = "actor-register.sqlite3"
# (version, what it does, its SQL); each runs once, in one transaction, in this order.
MIGRATIONS = (
    (1, "entries and their aliases", """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',
            affiliation TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
        CREATE TABLE aliases (
            key TEXT PRIMARY KEY, alias TEXT NOT NULL,
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE);
    """),
    (2, "when each entry last changed; aliases found by entry", """
        ALTER TABLE entries ADD COLUMN updated TEXT NOT NULL DEFAULT '';
        CREATE INDEX aliases_by_entry ON aliases(entry_id);
    """),
)
LATEST = MIGRATIONS[-1][0]


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


class Register:
    """An open register. Every write is one transaction; reads see the last commit."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db, self.path = connection, path

    @classmethod
    def open(cls, path: str | Path | None = None, *, upto: int = LATEST) -> Register:
        """The register at `path` (the data folder's by default), made or migrated as
        needed; `upto` stops the migrations early (tests of old versions)."""
        path = Path(path) if path is not None else default_path()
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=5)
        except sqlite3.Error as error:
            raise RegisterError(RegisterError.UNREADABLE.format(
                path=path, reason=str(error).lower())) from error
        try:
            check = db.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise RegisterError(RegisterError.DAMAGED.format(path=path))
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            _migrate(db, path, upto)
        except sqlite3.OperationalError as error:  # locked, read-only, no room
            db.close()
            raise RegisterError(RegisterError.UNREADABLE.format(
                path=path, reason=str(error).lower())) from error
        except sqlite3.DatabaseError as error:  # "file is not a database", "malformed"
            db.close()
            raise RegisterError(RegisterError.DAMAGED.format(path=path)) from error
        except RegisterError:
            db.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def migrations(self) -> list[tuple[int, str]]:
        return self._db.execute(
            "SELECT version, description FROM migrations ORDER BY version").fetchall()

    def entries(self, search: str = "") -> list[RegisterEntry]:
        """All entries by name, or those whose name, alias, role, affiliation or note holds
        `search` (any case)."""
        aliases: dict[int, list[str]] = {}
        for entry_id, alias in self._read(
                "SELECT entry_id, alias FROM aliases ORDER BY rowid"):
            aliases.setdefault(entry_id, []).append(alias)
        rows = self._read("SELECT id, name, kind, role, affiliation, note FROM entries "
                          "ORDER BY name COLLATE NOCASE")
        found = [RegisterEntry(name, kind, aliases.get(i, []), role, affiliation, note, i)
                 for i, name, kind, role, affiliation, note in rows]
        needle = search.casefold().strip()
        if needle:
            found = [e for e in found if any(
                needle in text.casefold()
                for text in (e.name, e.role, e.affiliation, e.note, *e.aliases))]
        return found

    def save(self, entry: RegisterEntry, replaced: list[RegisterEntry] = ()) -> RegisterEntry:
        """Store `entry` (new, or over its own id) in place of the entries `replaced`."""
        gone = [e.id for e in replaced if e.id is not None and e.id != entry.id]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for entry_id in gone:
                self._db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            values = (entry.name, name_key(entry.name), entry.kind, entry.role,
                      entry.affiliation, entry.note, _now())
            if entry.id is None:
                cursor = self._db.execute(
                    "INSERT INTO entries (name, key, kind, role, affiliation, note, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", values)
                entry_id = cursor.lastrowid
            else:
                entry_id = entry.id
                self._db.execute(
                    "UPDATE entries SET name = ?, key = ?, kind = ?, role = ?, "
                    "affiliation = ?, note = ?, updated = ? WHERE id = ?", (*values, entry_id))
                self._db.execute("DELETE FROM aliases WHERE entry_id = ?", (entry_id,))
            for alias in entry.aliases:
                self._db.execute("INSERT INTO aliases (key, alias, entry_id) VALUES (?, ?, ?)",
                                 (name_key(alias), alias, entry_id))
            self._db.execute("COMMIT")
        except sqlite3.IntegrityError as error:
            self._db.execute("ROLLBACK")
            raise RegisterError(RegisterError.WRITE.format(
                reason=f"another entry already has the name or an alias of {entry.name}")
            ) from error
        except sqlite3.Error as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise RegisterError(RegisterError.WRITE.format(reason=str(error).lower())) \
                from error
        entry.id = entry_id
        return entry

    def delete(self, entry_id: int) -> None:
        try:
            self._db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        except sqlite3.Error as error:
            raise RegisterError(RegisterError.WRITE.format(reason=str(error).lower())) \
                from error

    def _read(self, sql: str) -> list[tuple]:
        try:
            return self._db.execute(sql).fetchall()
        except sqlite3.DatabaseError as error:
            raise RegisterError(RegisterError.DAMAGED.format(path=self.path)) from error


def _migrate(db: sqlite3.Connection, path: Path, upto: int) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise RegisterError(RegisterError.NEWER.format(path=path))
    db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, "
               "description TEXT NOT NULL, applied TEXT NOT NULL)")
    for number, description, sql in MIGRATIONS:
        if version < number <= upto:
            # executescript would commit on its own; statement by statement keeps the
            # migration, its record and the version bump in one transaction.
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in filter(str.strip, sql.split(";")):
                    db.execute(statement)
                db.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                           (number, description, _now()))
                db.execute(f"PRAGMA user_version = {number:d}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
