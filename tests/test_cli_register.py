"""`--register` on the command line: without it the output depends only on the inputs; with
it the analysed actors follow the analyst's register before grouping or export; a register
asked for that cannot be used is one line and exit status 2."""

import json

import docx
import pytest

from briefing_app.cli import main
from briefing_app.domain.register_match import RegisterEntry
from briefing_app.storage.register import Register, default_path
from support.refusals import one_line_error

pytestmark = pytest.mark.model

# The engine takes "the BRD" for an organisation it cannot link to Syldavia; the two claims
# say nearly the same thing, but two different named actors need a closer wording.
DRILLS = ("Drills delayed\n\nThe BRD said on Monday that the warships would stay in port "
          "until the exercises begin.\n")
STORM = ("Storm holds the fleet\n\nSyldavia said on Tuesday that the warships will stay in "
         "port for two more days while the weather clears.\n")


@pytest.fixture
def articles(tmp_path):
    paths = [tmp_path / "drills.txt", tmp_path / "storm.txt"]
    for path, text in zip(paths, (DRILLS, STORM)):
        path.write_text(text, encoding="utf-8")
    return [str(p) for p in paths]


def _make_register(path=None) -> None:
    register = Register.open(path)
    register.save(RegisterEntry("Syldavia", "state", ["BRD"]))
    register.close()


def _corroborate(capsys, *args) -> dict:
    assert main(["corroborate", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _statuses(result) -> list[tuple]:
    return [(p["status"], p["independent_sources"], [c["source"] for c in p["claims"]])
            for p in result["propositions"]]


def test_without_register_the_output_ignores_the_users_register(articles, capsys, nlp):
    before = _corroborate(capsys, *articles)
    assert not default_path().exists()  # reading nothing, it made nothing either
    _make_register()
    assert _corroborate(capsys, *articles) == before
    assert _statuses(before) == [("single_source", 1, [0]), ("single_source", 1, [1])]


def test_with_register_the_brd_is_syldavia_and_the_claims_agree(articles, capsys, nlp):
    _make_register()
    result = _corroborate(capsys, "--register", *articles)
    assert _statuses(result) == [("corroborated", 2, [0, 1])]
    summary_run = main(["corroborate", "--register", *articles])
    assert summary_run == 0 and "Corroborated (1):" in capsys.readouterr().out


def test_register_file_names_another_register(articles, capsys, tmp_path, nlp):
    team = tmp_path / "team.sqlite3"
    _make_register(team)
    result = _corroborate(capsys, "--register-file", str(team), *articles)
    assert _statuses(result) == [("corroborated", 2, [0, 1])]
    assert not default_path().exists()


def _actor_rows(path) -> list[tuple[str, str]]:
    """(actor, kind) of the Word briefing's actor table."""
    [table] = [t for t in docx.Document(str(path)).tables
               if t.rows[0].cells[0].text == "Actor"]
    return sorted((row.cells[0].text, row.cells[1].text) for row in table.rows[1:])


@pytest.mark.parametrize("several", [False, True])
def test_export_with_register_names_the_actor_from_it(articles, capsys, tmp_path, nlp,
                                                      several):
    _make_register()
    inputs = articles if several else articles[:1]
    plain, matched = tmp_path / "plain.docx", tmp_path / "matched.docx"
    assert main(["export", *inputs, "-o", str(plain)]) == 0
    assert main(["export", "--register", *inputs, "-o", str(matched)]) == 0
    engine = [("BRD [unreviewed]", "organisation")]
    assert _actor_rows(plain) == engine + ([("Syldavia [unreviewed]", "state")] if several
                                           else [])
    # Unreviewed still: a register match is a default, never the analyst's check.
    assert _actor_rows(matched) == [("Syldavia [unreviewed]", "state")]


@pytest.mark.parametrize("command", ["corroborate", "export"])
def test_a_damaged_register_is_one_line_and_exit_2(articles, capsys, tmp_path, command):
    default_path().write_bytes(b"\x00not SQLite at all\xff" * 300)
    out = tmp_path / "brief.docx"
    extra = ["-o", str(out)] if command == "export" else []
    assert main([command, "--register", *articles, *extra]) == 2
    captured = capsys.readouterr()
    line = one_line_error(captured.err, "register", "damaged", str(default_path()))
    assert line.endswith(".") and captured.out == "" and not out.exists()
    assert default_path().read_bytes().startswith(b"\x00not SQLite")


def test_a_missing_register_is_one_line_and_none_is_made(articles, capsys, tmp_path):
    missing = tmp_path / "nowhere.sqlite3"
    assert main(["corroborate", "--register-file", str(missing), *articles]) == 2
    one_line_error(capsys.readouterr().err, f"There is no actor register at {missing}")
    assert not missing.exists()


def test_help_says_what_a_bad_register_does(capsys):
    with pytest.raises(SystemExit):
        main(["corroborate", "--help"])
    assert "damaged register stops the command" in " ".join(capsys.readouterr().out.split())
