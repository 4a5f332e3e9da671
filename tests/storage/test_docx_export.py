"""Word export: reopen each export with python-docx and compare it with what a reader expects."""

from __future__ import annotations

import errno
import io
import os
import zipfile
from datetime import datetime

import docx
import pytest
from docx.oxml.ns import qn

from briefing_app.errors import ExportError
from briefing_app.storage import atomic
from briefing_app.storage.word.export import export_briefing
from briefing_app.storage.word.template import default_template
from support import briefing_builders as builders

NOW = datetime(2026, 11, 27, 9, 30)
BULLET = "List Bullet"

EXPECTED_FRONT = [
    ("Title", "Port strike talks stall"),
    ("Normal", "27 November 2026 · J. Analyst · 2 sources"),
    ("Normal", "Checked by the analyst: 5 of 6 claims, 3 of 4 actors "
               "(the others are marked [unreviewed])"),
    ("Heading 1", "Bottom line up front"),
    ("Normal", "Talks between the dockworkers' union and the port authority broke down on "
               "Monday; the government is reportedly preparing emergency legislation. "
               "Disruption likely lasts into next week."),
    ("Heading 1", "Key judgments"),
    # The analyst's words as written, the likelihood and confidence a label under them.
    (BULLET, "the strike continues past Friday\nLikely (55-80 %) · moderate confidence"),
    (BULLET, "the government passes emergency legislation this month\n"
             "Roughly even chance (45-55 %) · low confidence"),
    ("Heading 1", "Key actors"),
    ("Heading 1", "Key claims"),
    # Accepted claims first, so the groups follow their best claim.
    ("Heading 2", "Tomas Berg"),
    (BULLET, "“We will not go back until the offer changes,” union leader Tomas Berg said.\n"
             "Direct quote. Rated B2, likely, unverified. Single source. Source 1, paragraph 2. "
             "Analyst: Repeated in source 2."),
    (BULLET, "Tomas Berg denied that the union had threatened port staff.\n"
             "Reported speech. Not rated; unverified. Single source. Source 2, paragraph 3. "
             "Analyst: No other outlet reports threats."),
    ("Heading 2", "Unattributed"),
    (BULLET, "The strike is believed to be the longest since 1998.\n"
             "The author's own assertion, hedged (“is believed to”). Not rated; disputed. "
             "Single source. Source 1, paragraph 5."),
    ("Heading 2", "Maria Lind [unreviewed]"),
    (BULLET, "Maria Lind said on Tuesday that the authority had made its final offer.\n"
             "Reported speech. Rated C3, very likely, corroborated. Single source. "
             "Source 2, paragraph 1."),
    (BULLET, "[unreviewed] Port Authority chief executive Maria Lind warned that the strike "
             "would cost the region millions each day.\n"
             "Reported speech. Not rated; unverified. Single source. Source 1, paragraph 3."),
    ("Heading 2", "unnamed officials"),
    (BULLET, "According to officials at the transport ministry, the government is reportedly "
             "preparing emergency legislation.\nReported speech, hedged (“reportedly”). "
             "Rated F3, roughly even chance, unverified. Single source. Source 1, paragraph 4."),
    # No claim of one source is reported by the other: the section says so.
    ("Heading 1", "Where sources agree and disagree"),
    ("Normal", "[No claim is reported by more than one source]"),
    ("Heading 1", "Analyst notes"),
    (BULLET, "Check the vessel count against AIS data. "
             "(Source 1, para. 1: “more than 40 ships”)"),
    (BULLET, "Both outlets rely on the same union press release."),
    ("Heading 1", "Sources"),
    ("Normal", "Source 1. Port strike talks collapse. Harbour Courier, Ines Halvorsen, "
               "published 2026-11-23. https://example.org/strike (accessed 2026-11-27)."),
    ("Normal", "Source 2. Port authority says offer is final. Nordic Wire, published "
               "2026-11-24. https://example.net/wire/881 (accessed 2026-11-27)."),
    ("Caption", "Method: Made with Briefing Builder 0.1.0; spaCy pipeline en_core_web_sm 3.8.0 "
                "(spaCy 3.8.2); exported 27 November 2026."),
    ("Heading 1", "Appendix: annotated sources"),
]


@pytest.fixture
def exported(tmp_path):
    path = tmp_path / "briefing.docx"
    warnings = export_briefing(builders.sample_briefing(), path, now=NOW)
    return path, warnings, docx.Document(str(path))


def outline(document):
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_outline_matches_the_briefing_order(exported):
    _, warnings, document = exported
    assert warnings == []
    found = outline(document)
    assert found[:len(EXPECTED_FRONT)] == EXPECTED_FRONT
    appendix = found[len(EXPECTED_FRONT):]
    assert ("Heading 2", "Source 1: Port strike talks collapse") in appendix
    assert ("Heading 2", "Source 2: Port authority says offer is final") in appendix
    sample = builders.sample_briefing()
    body = [text for style, text in appendix if style == "Normal"]
    for source in sample.sources:
        for start, end in source.paragraphs:
            assert source.text[start:end] in body


def test_actor_table(exported):
    _, _, document = exported
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Actor", "Kind", "Role / affiliation", "Quoted", "Mentioned", "Note"],
        ["Tomas Berg", "person", "union leader, Dockworkers' Union", "2", "2", ""],
        ["Maria Lind [unreviewed]", "person", "chief executive, Port Authority", "2", "2", ""],
        ["unnamed officials", "unnamed source", "transport ministry", "1", "1", "single source"],
        ["Dockworkers' Union", "organisation", "", "0", "1", "hard line"],
    ]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_comments_are_anchored_on_their_words(exported):
    _, _, document = exported
    comments = {c.comment_id: c.text for c in document.comments}
    assert sorted(comments.values()) == sorted([
        "Check the vessel count against AIS data.", "Repeated in source 2.",
        "No other outlet reports threats."])
    body = document.element.body
    anchors = {}
    for start in body.iter(qn("w:commentRangeStart")):
        cid = int(start.get(qn("w:id")))
        words, node = [], start.getnext()
        while node is not None and not (node.tag == qn("w:commentRangeEnd")
                                        and int(node.get(qn("w:id"))) == cid):
            words += [t.text for t in node.iter(qn("w:t"))]
            node = node.getnext()
        anchors[comments[cid]] = "".join(words)
    assert anchors == {
        "Check the vessel count against AIS data.": "more than 40 ships",
        "Repeated in source 2.": "We will not go back until the offer changes",
        "No other outlet reports threats.": "the union had threatened port staff",
    }


def test_mark_and_page_fields_in_header_and_footer(exported):
    _, _, document = exported
    section = document.sections[0]
    assert "TLP:AMBER" in section.header.paragraphs[-1].text
    footer = section.footer.paragraphs[-1]
    assert footer.text.startswith("TLP:AMBER · page ")
    instructions = [t.text.split()[0] for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_hedges_stay_with_their_claims(exported):
    _, _, document = exported
    sample = builders.sample_briefing()
    texts = [p.text for p in document.paragraphs if p.style.name == BULLET]
    for claim in sample.claims:
        if not claim.included or claim.review == "rejected" or not claim.hedges:
            continue
        source_text = sample.source(claim.source_id).text
        first, _ = claim.content.pieces()[0]
        holding = [t for t in texts if source_text[first:first + 26] in t]
        assert len(holding) == 1
        for hedge in claim.hedges:
            assert f"“{hedge.text(source_text)}”" in holding[0]


def test_rejected_and_excluded_only_in_appendix(exported):
    _, _, document = exported
    paragraphs = [p.text for p in document.paragraphs]
    appendix_at = paragraphs.index("Appendix: annotated sources")
    before = "\n".join(paragraphs[:appendix_at])
    before += "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
    for hidden in ("destroyed two cranes", "blocked a fuel convoy", "North Gate", "The Region",
                   "allegedly"):
        assert hidden not in before
    after = "\n".join(paragraphs[appendix_at:])
    assert "destroyed two cranes" in after and "blocked a fuel convoy" in after


def test_unreviewed_marker_only_on_machine_claims(exported):
    _, _, document = exported
    marked = [p.text for p in document.paragraphs if p.text.startswith("[unreviewed]")]
    assert len(marked) == 1 and "millions each day" in marked[0]


def test_appendix_highlights_use_shading(exported):
    _, _, document = exported
    fills = {shd.get(qn("w:fill")) for shd in document.element.body.iter(qn("w:shd"))}
    assert {"FAF5C2", "F6C9AE", "CCE8F8", "B8E6D8"} <= fills


def test_the_analysts_own_actor_colours_reach_the_appendix(tmp_path):
    # A person tint chosen in Settings shades people in the appendix as in the window;
    # kinds left alone and the claim parts keep the shared palette.
    path = tmp_path / "own.docx"
    export_briefing(builders.sample_briefing(), path,
                    highlight_colours={"person": "#ffd1dc", "state": "not a colour"})
    body = docx.Document(str(path)).element.body
    fills = {shd.get(qn("w:fill")) for shd in body.iter(qn("w:shd"))}
    assert "FFD1DC" in fills and "CCE8F8" not in fills  # the default person tint is gone
    assert {"FAF5C2", "B8E6D8"} <= fills


def test_core_properties(exported):
    _, _, document = exported
    props = document.core_properties
    assert props.title == "Port strike talks stall" and props.author == "J. Analyst"
    assert "TLP:AMBER" in props.subject and "Tomas Berg" in props.keywords
    assert props.created.replace(tzinfo=None) == NOW


def test_empty_briefing_shows_placeholders(tmp_path):
    path = tmp_path / "empty.docx"
    export_briefing(builders.Briefing(), path, now=NOW, mark="TLP:CLEAR", title="Nothing yet")
    found = outline(docx.Document(str(path)))
    assert ("Normal", "[No bottom line written yet]") in found
    assert found[0] == ("Title", "Nothing yet")


def test_control_characters_are_cleaned(tmp_path):
    briefing = builders.sample_briefing()
    briefing.bluf = "Null\x00 byte, bell\x07, lone \udc80 surrogate, tab\tkept."
    briefing.actors[1].name = "Tomas\x0b Berg"
    export_briefing(briefing, tmp_path / "x.docx", now=NOW)
    found = outline(docx.Document(str(tmp_path / "x.docx")))
    assert ("Normal", "Null byte, bell, lone  surrogate, tab\tkept.") in found


def _template_without(tmp_path, *names):
    document = docx.Document(str(default_template()))
    for name in names:
        element = document.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "plain.docx"
    document.save(str(path))
    return path


def test_missing_styles_fall_back_with_a_warning(tmp_path):
    template = _template_without(tmp_path, "Caption", "List Bullet", "Table Grid")
    warnings = export_briefing(builders.sample_briefing(), tmp_path / "x.docx",
                               template=template, now=NOW)
    assert warnings == [f"The template lacks the style '{name}'; a built-in look is used."
                        for name in ("List Bullet", "Caption", "Table Grid")]
    found = outline(docx.Document(str(tmp_path / "x.docx")))
    assert (BULLET, "•\tBoth outlets rely on the same union press release.") in found


def test_user_template_keeps_its_header_and_page_setup(tmp_path):
    document = docx.Document(str(default_template()))
    document.add_paragraph("Template body text that must go.")
    document.sections[0].header.paragraphs[0].text = "ACME Risk Desk"
    document.sections[0].left_margin = docx.shared.Cm(4)
    template = tmp_path / "acme.docx"
    document.save(str(template))
    export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=template, now=NOW)
    result = docx.Document(str(tmp_path / "x.docx"))
    header = [p.text for p in result.sections[0].header.paragraphs]
    assert header == ["ACME Risk Desk", "TLP:AMBER"]
    assert abs(result.sections[0].left_margin - docx.shared.Cm(4)) < docx.shared.Cm(0.01)
    assert "Template body text that must go." not in [p.text for p in result.paragraphs]


def test_dotx_template_is_accepted(tmp_path):
    source = default_template().read_bytes()
    dotx = tmp_path / "corporate.dotx"
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, data)
    export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=dotx, now=NOW)
    assert outline(docx.Document(str(tmp_path / "x.docx")))[0][1] == "Port strike talks stall"


@pytest.mark.parametrize("name, data", [("notword.docx", b"plain text"),
                                        ("macro.dotm", b"PK\x03\x04")])
def test_bad_templates_are_refused(tmp_path, name, data):
    template = tmp_path / name
    template.write_bytes(data)
    with pytest.raises(ExportError, match=name.replace(".", r"\.")):
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=template)
    assert not (tmp_path / "x.docx").exists()


def test_failed_write_keeps_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "briefing.docx"
    path.write_bytes(b"previous export")

    def failing_replace(src, dst):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(ExportError) as caught:
        export_briefing(builders.sample_briefing(), path, now=NOW)
    assert str(caught.value) == (
        "Could not write briefing.docx: permission denied; any previous file is unchanged.")
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.docx"]


def test_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(ExportError, match="the folder does not exist"):
        export_briefing(builders.sample_briefing(), tmp_path / "nope" / "x.docx")


def test_doubtful_actors_are_left_to_the_appendix(tmp_path):
    from briefing_app.domain.model import Actor, Mention

    briefing = builders.sample_briefing()
    source_id = briefing.sources[0].id
    briefing.actors.append(Actor("a-passing", "Rotterdam", "state",
                                 mentions=[Mention(source_id, 0, 5)]))
    out = tmp_path / "passing.docx"
    export_briefing(briefing, out, now=NOW)
    document = docx.Document(str(out))
    appendix_at = [p.text for p in document.paragraphs].index("Appendix: annotated sources")
    before = [p.text for p in document.paragraphs[:appendix_at]]
    (table,) = document.tables
    assert "Rotterdam" not in "\n".join(before + [c.text for r in table.rows for c in r.cells])


def test_key_actors_fit_page_one_and_the_rest_is_one_line(tmp_path):
    from briefing_app.domain.model import Actor, Mention

    briefing = builders.sample_briefing()
    source_id = briefing.sources[0].id
    for n in range(10):
        # Named twice each, so not doubtful; the first five checked by the analyst.
        briefing.actors.append(Actor(f"x{n}", f"Extra {n}", "person",
                                     review="accepted" if n < 5 else "machine",
                                     mentions=[Mention(source_id, n, n + 1)] * (2 + n)))
    out = tmp_path / "many.docx"
    export_briefing(briefing, out, now=NOW)
    document = docx.Document(str(out))
    (table,) = document.tables
    names = [row.cells[0].text for row in table.rows[1:]]
    assert len(names) == 8
    # Quoted actors first, then by mentions.
    assert names[:2] == ["Tomas Berg", "Maria Lind [unreviewed]"]
    assert names[2:] == ["unnamed officials", "Extra 9 [unreviewed]", "Extra 8 [unreviewed]",
                         "Extra 7 [unreviewed]", "Extra 6 [unreviewed]", "Extra 5 [unreviewed]"]
    rest = [p.text for p in document.paragraphs if p.text.startswith("Also named")]
    assert rest == ["Also named: Extra 4, Extra 3, Extra 2, Extra 1, Extra 0, "
                    "Dockworkers' Union."]


def test_checked_line_counts_only_the_analysts_own_acts(tmp_path):
    from briefing_app.domain import corrections

    briefing = builders.sample_briefing()
    for item in briefing.claims + briefing.actors:
        if item.review != "rejected":
            item.review = "machine"
    briefing.claims[0].review = "accepted"
    corrections.merge_actors(briefing, "a3", ["a2"])  # a merge checks none of the claims
    briefing.actors[1].review = "machine"  # as it was before the merge
    out = tmp_path / "merged.docx"
    export_briefing(briefing, out, now=NOW)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[2].startswith("Checked by the analyst: 1 of 6 claims, 0 of 3 actors")
    marked = [t for t in texts if t.startswith("[unreviewed]")]
    assert len(marked) == 5
    assert any("Changed since the analysis, not checked: source actor Tomas Berg merged "
               "into Maria Lind." in t for t in marked)


def test_claims_keep_the_articles_words_and_hedges(exported):
    """Every shown claim's content words appear unchanged in its bullet, no reported
    speech is in quotation marks of ours, and no stance jargon is left."""
    _, _, document = exported
    sample = builders.sample_briefing()
    bullets = [p.text for p in document.paragraphs if p.style.name == BULLET]
    for claim in sample.claims:
        if not claim.included or claim.review == "rejected":
            continue
        text = sample.source(claim.source_id).text
        pieces = [text[s:e].rstrip(".,") for s, e in claim.content.pieces()]
        holding = [b for b in bullets if all(p in b for p in pieces)]
        assert len(holding) == 1, claim.id
        sentence = holding[0].split("\n")[0]
        if claim.kind != "direct_quote":
            assert "“" not in sentence and "\"" not in sentence
        for hedge in claim.hedges:
            assert hedge.text(text) in sentence
    assert not any("(assert)" in b or "(warn)" in b or "(deny)" in b for b in bullets)
