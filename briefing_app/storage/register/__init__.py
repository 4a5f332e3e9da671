"""The analyst's actor register: the actors they confirmed or corrected, remembered across
briefings in an SQLite database in the data folder, and shared as CSV or JSON."""

from briefing_app.domain.register_match import learned
from briefing_app.storage.register.database import Register, default_path
from briefing_app.storage.register.exchange import read_file, write_file


def import_entries(register: Register, path) -> int:
    """Fold the entries of an export into `register`; returns how many were read. An entry
    that shares a name or alias with one already there joins it (the file's values win)."""
    entries = read_file(path)
    for entry in entries:
        learning = learned(register.entries(), entry.name, entry.kind, entry.aliases,
                           entry.role, entry.affiliation, entry.note)
        register.save(learning.entry, learning.replaced)
    return len(entries)


def export_entries(register: Register, path) -> int:
    entries = register.entries()
    write_file(path, entries)
    return len(entries)


__all__ = ["Register", "default_path", "export_entries", "import_entries", "read_file",
           "write_file"]
