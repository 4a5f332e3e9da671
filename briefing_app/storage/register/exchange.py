"""The register shared with a team: entries to and from CSV and JSON files.

Reading checks every row before anything is imported; the first bad row is named in one
sentence and nothing is taken from the file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from briefing_app.domain.model import ACTOR_KINDS
from briefing_app.domain.register_match import RegisterEntry
from briefing_app.errors import BriefingError, RegisterError
from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error
from briefing_app.storage.files import read_user_file

SCHEMA = "briefing-app/register@1"
FIELDS = ("name", "kind", "aliases", "role", "affiliation", "note")
FILTERS = "Register exports (*.csv *.json);;CSV (*.csv);;JSON (*.json)"
ALIAS_SEPARATOR = ";"
_MAX_BYTES = 50 * 1024 * 1024


def dumps_csv(entries: list[RegisterEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for e in entries:
        writer.writerow([e.name, e.kind, f"{ALIAS_SEPARATOR} ".join(e.aliases), e.role,
                         e.affiliation, e.note])
    return out.getvalue()


def dumps_json(entries: list[RegisterEntry]) -> str:
    rows = [{"name": e.name, "kind": e.kind, "aliases": list(e.aliases), "role": e.role,
             "affiliation": e.affiliation, "note": e.note} for e in entries]
    return json.dumps({"schema": SCHEMA, "entries": rows}, indent=1, ensure_ascii=False) + "\n"


def loads_csv(text: str, file: str) -> list[RegisterEntry]:
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    if "name" not in header or "kind" not in header:
        raise RegisterError(RegisterError.BAD_FILE.format(
            file=file, problem="its first row has no name and kind columns"))
    entries = []
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, row))
        aliases = [a.strip() for a in values.get("aliases", "").split(ALIAS_SEPARATOR)]
        entries.append(_entry({**values, "aliases": aliases}, row_number, file))
    return entries


def loads_json(text: str, file: str) -> list[RegisterEntry]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise RegisterError(RegisterError.BAD_FILE.format(
            file=file, problem="it is not JSON")) from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(
            data.get("entries"), list):
        raise RegisterError(RegisterError.BAD_FILE.format(
            file=file, problem=f'it has no "schema": "{SCHEMA}" and "entries" list'))
    return [_entry(row, number, file) for number, row in enumerate(data["entries"], start=1)]


def _entry(row, number: int, file: str) -> RegisterEntry:
    def bad(problem: str) -> RegisterError:
        return RegisterError(RegisterError.BAD_ROW.format(row=number, file=file,
                                                          problem=problem))

    if not isinstance(row, dict):
        raise bad("is not an object with a name and a kind")
    texts = {}
    for name in ("name", "kind", "role", "affiliation", "note"):
        value = row.get(name, "")
        if not isinstance(value, str):
            raise bad(f"has a {name} that is not text")
        texts[name] = " ".join(value.split()) if name != "note" else value.strip()
    aliases = row.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise bad("has aliases that are not a list of names")
    if not texts["name"]:
        raise bad("has no name")
    if texts["kind"] not in ACTOR_KINDS:
        raise bad(f"has the kind {texts['kind']!r}, which is not one of "
                  f"{', '.join(ACTOR_KINDS)}")
    return RegisterEntry(texts["name"], texts["kind"],
                         [" ".join(a.split()) for a in aliases if a.strip()], texts["role"],
                         texts["affiliation"], texts["note"])


def write_file(path: str | Path, entries: list[RegisterEntry]) -> None:
    """Export to `path`: JSON for a .json name, CSV otherwise."""
    path = Path(path)
    text = dumps_json(entries) if path.suffix.lower() == ".json" else dumps_csv(entries)
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as error:
        raise RegisterError(RegisterError.WRITE.format(
            reason=f"{path} could not be written: {describe_os_error(error)}")) from error


def read_file(path: str | Path) -> list[RegisterEntry]:
    """The entries of an export at `path` (a .json name is read as JSON, else CSV)."""
    path = Path(path)
    try:
        text = read_user_file(path, "the register export", _MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterError(RegisterError.BAD_FILE.format(
            file=path.name, problem="it is not UTF-8 text")) from error
    except BriefingError as error:
        raise RegisterError(str(error)) from error
    if path.suffix.lower() == ".json":
        return loads_json(text, path.name)
    return loads_csv(text, path.name)
