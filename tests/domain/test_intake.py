"""The one rule by which a source enters a briefing (domain.intake)."""

from briefing_app.domain.intake import content_hash, prepare_source, title_from_path
from briefing_app.domain.model import Briefing, Source


def _source(text: str, source_id: str = "s1", title: str = "", sha256: str = "") -> Source:
    return Source(id=source_id, text=text, title=title, sha256=sha256)


def test_a_new_source_keeps_its_id_and_gets_a_title_from_the_file_name():
    admission = prepare_source(Briefing(), _source("The port reopened."), "port_strike_notes.txt")
    assert admission.is_new
    assert admission.source.id == "s1"
    assert admission.source.title == "port strike notes"
    assert admission.source.sha256 == content_hash("The port reopened.")


def test_the_same_text_is_never_added_twice():
    briefing = Briefing()
    first = prepare_source(briefing, _source("The port reopened."), "a.txt").source
    briefing.sources.append(first)
    again = prepare_source(briefing, _source("The port reopened.", source_id="s9"), "b.md")
    assert not again.is_new
    assert again.source is first


def test_a_taken_or_empty_id_is_replaced():
    briefing = Briefing(sources=[_source("One text.", source_id="s1")])
    taken = prepare_source(briefing, _source("Another text.", source_id="s1")).source
    empty = prepare_source(briefing, _source("A third text.", source_id="")).source
    assert taken.id not in ("s1", "") and empty.id not in ("s1", "")
    assert taken.id != empty.id


def test_a_title_the_file_carried_wins_and_pasted_text_keeps_none():
    assert prepare_source(Briefing(), _source("x", title="Headline"), "f.txt").source.title \
        == "Headline"
    assert prepare_source(Briefing(), _source("x")).source.title == ""
    assert title_from_path("/tmp/dir/a_b.pdf") == "a b"
