"""The actor register's database: migrations, WAL, integrity, entries, CSV/JSON exchange."""

import json
import sqlite3

import pytest

from briefing_app import paths
from briefing_app.domain.register_match import RegisterEntry, learned
from briefing_app.errors import RegisterError
from briefing_app.storage.register import (
    Register,
    default_path,
    export_entries,
    import_entries,
    read_file,
)
from briefing_app.storage.register.database import LATEST

KOREA = RegisterEntry("South Korea", "state", ["ROK", "S. Korea"], "", "", "ally")


def test_a_new_register_lives_in_the_data_folder_with_wal_and_every_migration():
    register = Register.open()
    assert register.path == default_path() == paths.data_dir() / "actor-register.sqlite3"
    assert register.journal_mode() == "wal"
    assert register.version() == LATEST == 2
    assert [v for v, _ in register.migrations()] == [1, 2]
    register.close()


def test_a_version_1_register_is_migrated_and_keeps_its_entries(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Register.open(path, upto=1)
    assert old.version() == 1
    old._db.execute("INSERT INTO entries (name, key, kind) VALUES ('Syldavia', 'syldavia', "
                    "'state')")
    old.close()
    register = Register.open(path)
    assert register.version() == 2
    assert [v for v, _ in register.migrations()] == [1, 2]
    assert [(e.name, e.kind) for e in register.entries()] == [("Syldavia", "state")]
    # The column migration 2 added is there and written.
    register.save(RegisterEntry("Borduria", "state"))
    updated = register._db.execute("SELECT updated FROM entries WHERE name = 'Borduria'")
    assert updated.fetchone()[0].startswith("20")
    register.close()


def test_entries_round_trip_search_edit_delete(tmp_path):
    register = Register.open(tmp_path / "r.sqlite3")
    saved = register.save(RegisterEntry(**{**vars(KOREA), "aliases": list(KOREA.aliases)}))
    assert saved.id is not None
    register.save(RegisterEntry("Olaf Bloom", "person", [], "minister", "Syldavia"))
    assert [e.name for e in register.entries()] == ["Olaf Bloom", "South Korea"]
    assert [e.name for e in register.entries("rok")] == ["South Korea"]
    assert [e.name for e in register.entries("MINISTER")] == ["Olaf Bloom"]
    saved.kind, saved.aliases = "organisation", ["ROK"]
    register.save(saved)
    korea = register.entries("korea")[0]
    assert (korea.kind, korea.aliases) == ("organisation", ["ROK"])
    register.delete(korea.id)
    assert [e.name for e in register.entries()] == ["Olaf Bloom"]
    register.close()


def test_an_alias_of_two_entries_is_one_sentence(tmp_path):
    register = Register.open(tmp_path / "r.sqlite3")
    register.save(RegisterEntry("South Korea", "state", ["ROK"]))
    with pytest.raises(RegisterError) as caught:
        register.save(RegisterEntry("Republic of Korea", "state", ["rok"]))
    assert str(caught.value).count(".") == 1 and "South Korea" not in str(caught.value)
    assert [e.name for e in register.entries()] == ["South Korea"]  # rolled back
    register.close()


def test_learning_a_merge_folds_entries_that_share_a_name(tmp_path):
    register = Register.open(tmp_path / "r.sqlite3")
    register.save(RegisterEntry("ROK", "organisation", ["R.O.K."]))
    learning = learned(register.entries(), "South Korea", "state", ["ROK"])
    register.save(learning.entry, learning.replaced)
    assert [(e.name, e.kind, e.aliases) for e in register.entries()] == [
        ("South Korea", "state", ["ROK", "R.O.K."])]
    register.close()


@pytest.mark.parametrize("garbage", [b"this is not a database at all " * 300,
                                     b"SQLite format 3\x00" + b"\xff" * 8000])
def test_a_damaged_file_gives_one_sentence(tmp_path, garbage):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(garbage)
    with pytest.raises(RegisterError) as caught:
        Register.open(path)
    message = str(caught.value)
    assert "damaged" in message and str(path) in message
    assert message.count(". ") == 0 and message.endswith(").")
    assert "\n" not in message and "Traceback" not in message


def test_a_damaged_page_is_found_by_the_check(tmp_path):
    path = tmp_path / "r.sqlite3"
    register = Register.open(path)
    for n in range(400):
        register.save(RegisterEntry(f"Actor {n:03d} of Syldavia", "person", [f"A{n}"]))
    register._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    register.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page + 8:3 * page] = b"\x07" * (page - 8)  # a b-tree page's cells scrambled
    path.write_bytes(bytes(data))
    with pytest.raises(RegisterError, match="damaged"):
        Register.open(path)


def test_a_register_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "r.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RegisterError, match="newer version"):
        Register.open(path)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_then_import_round_trips(tmp_path, suffix):
    source = Register.open(tmp_path / "a.sqlite3")
    source.save(RegisterEntry("South Korea", "state", ["ROK", "S. Korea"], "", "", "ally, "
                              "\"close\""))
    source.save(RegisterEntry("Olaf Bloom", "person", [], "foreign minister", "Syldavia"))
    out = tmp_path / f"team{suffix}"
    assert export_entries(source, out) == 2
    target = Register.open(tmp_path / "b.sqlite3")
    assert import_entries(target, out).read == 2

    def shape(register):
        return [(e.name, e.kind, e.aliases, e.role, e.affiliation, e.note)
                for e in register.entries()]

    assert shape(target) == shape(source)
    again = import_entries(target, out)  # importing again changes nothing
    assert again.read == 2 and again.joined == []
    assert shape(target) == shape(source)


def test_a_bad_csv_row_is_named(tmp_path):
    path = tmp_path / "team.csv"
    path.write_text("name,kind,aliases\nSouth Korea,state,ROK\nBorduria,country,\n")
    with pytest.raises(RegisterError) as caught:
        read_file(path)
    assert str(caught.value) == (
        "Row 3 of team.csv has the kind 'country', which is not one of person, organisation,"
        " state, group, unnamed; fix that row and import again.")


def test_bad_json_rows_and_files_are_named(tmp_path):
    path = tmp_path / "team.json"
    path.write_text(json.dumps({"schema": "briefing-app/register@1",
                                "entries": [{"name": "ROK", "kind": "state"},
                                            {"name": "", "kind": "state"}]}))
    with pytest.raises(RegisterError, match="^Row 2 of team.json has no name; "):
        read_file(path)
    path.write_text("[1, 2]")
    with pytest.raises(RegisterError, match="^team.json is not a register export"):
        read_file(path)
    target = Register.open(tmp_path / "b.sqlite3")
    with pytest.raises(RegisterError):
        import_entries(target, path)
    assert target.entries() == []


def test_an_import_that_joins_entries_under_another_name_says_which(tmp_path):
    """Two entries of a file that share an alias, and one that shares an alias with an
    entry already there, become one each; the report names every such join, since a shared
    alias ("Congo") may stand for two different actors."""
    target = Register.open(tmp_path / "mine.sqlite3")
    target.save(RegisterEntry("South Korea", "state", ["ROK"]))
    path = tmp_path / "team.json"
    path.write_text(json.dumps({"schema": "briefing-app/register@1", "entries": [
        {"name": "Republic of Korea", "kind": "state", "aliases": ["ROK"]},
        {"name": "Republic of the Congo", "kind": "state", "aliases": ["Congo"]},
        {"name": "Democratic Republic of the Congo", "kind": "state", "aliases": ["Congo"]},
        {"name": "Olaf Bloom", "kind": "person"}]}))
    report = import_entries(target, path)
    assert report.read == 4
    assert report.joined == [("Republic of Korea", ["South Korea"]),
                             ("Democratic Republic of the Congo", ["Republic of the Congo"])]
    assert sorted(e.name for e in target.entries()) == [
        "Democratic Republic of the Congo", "Olaf Bloom", "Republic of Korea"]
