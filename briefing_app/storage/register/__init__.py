"""The analyst's actor register: the actors they confirmed or corrected, remembered across
briefings in an SQLite database in the data folder, and shared as CSV or JSON."""

from dataclasses import dataclass, field

from briefing_app.domain.register_match import learned, name_key
from briefing_app.storage.register.database import Register, default_path
from briefing_app.storage.register.exchange import read_file, write_file


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many entries the file held, and each entry already there
    (or earlier in the same file) that one of them joined under another name, as
    (the name it now goes by, the names it replaced). A join through a shared alias may be
    two different actors ("Congo"), so the analyst is told, never left to find out."""

    read: int
    joined: list[tuple[str, list[str]]] = field(default_factory=list)


def import_entries(register: Register, path) -> ImportReport:
    """Fold the entries of an export into `register`. An entry that shares a name or alias
    with one already there joins it (the file's values win)."""
    entries = read_file(path)
    joined = []
    for entry in entries:
        learning = learned(register.entries(), entry.name, entry.kind, entry.aliases,
                           entry.role, entry.affiliation, entry.note)
        others = [e.name for e in learning.replaced
                  if name_key(e.name) != name_key(learning.entry.name)]
        if others:
            joined.append((learning.entry.name, others))
        register.save(learning.entry, learning.replaced)
    return ImportReport(len(entries), joined)


def export_entries(register: Register, path) -> int:
    entries = register.entries()
    write_file(path, entries)
    return len(entries)


__all__ = ["ImportReport", "Register", "default_path", "export_entries", "import_entries",
           "read_file", "write_file"]
