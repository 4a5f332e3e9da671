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
    ("Heading 1", "Bottom line up front"),
    ("Normal", "Talks between the dockworkers' union and the port authority broke down on "
               "Monday; the government is reportedly preparing emergency legislation. "
               "Disruption likely lasts into next week."),
    ("Heading 1", "Key judgments"),
    (BULLET, "It is likely (55-80 %) that the strike continues past Friday. Moderate confidence."),
    (BULLET, "It is roughly even chance (45-55 %) that the government passes emergency "
             "legislation this month. Low confidence."),
    ("Heading 1", "Key actors"),
    ("Heading 1", "Key claims"),
    ("Heading 2", "Tomas Berg"),
    (BULLET, "“We will not go back until the offer changes.” Direct quote; said (assert).\n"
             "B2 · likely · unverified. Source 1, para. 2. Analyst: Repeated in source 2."),
    (BULLET, "The union had threatened port staff. Reported; denied (deny).\n"
             "unverified. Source 2, para. 3. Analyst: No other outlet reports threats."),
    ("Heading 2", "Maria Lind"),
    (BULLET, "[unreviewed] The strike would cost the region millions each day. "
             "Reported; warned (warn).\nunverified. Source 1, para. 3."),
    (BULLET, "The authority had made its final offer. Reported; said (assert).\n"
             "C3 · very likely · corroborated. Source 2, para. 1."),
    ("Heading 2", "unnamed officials"),
    (BULLET, "The government is reportedly preparing emergency legislation. According to "
             "officials at the transport ministry. Hedges: “reportedly”.\n"
             "F3 · roughly even chance · unverified. Source 1, para. 4."),
    ("Heading 2", "Unattributed"),
    (BULLET, "The strike ... the longest since 1998. Hedged assertion; is believed to be. "
             "Hedges: “is believed to”.\ndisputed. Source 1, para. 5."),
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
        ["Maria Lind", "person", "chief executive, Port Authority", "2", "2", ""],
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
        holding = [t for t in texts if claim.content.text(source_text)[4:30] in t]
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


def test_passing_mentions_leave_the_table_for_one_line(tmp_path):
    from briefing_app.domain.model import Actor, Mention

    briefing = builders.sample_briefing()
    source_id = briefing.sources[0].id
    briefing.actors.append(Actor("a-passing", "Rotterdam", "state",
                                 mentions=[Mention(source_id, 0, 5)]))
    out = tmp_path / "passing.docx"
    export_briefing(briefing, out, now=NOW)
    document = docx.Document(str(out))
    (table,) = document.tables
    assert "Rotterdam" not in [row.cells[0].text for row in table.rows]
    lines = [p.text for p in document.paragraphs if p.text.startswith("Also mentioned once")]
    assert lines == ["Also mentioned once: Rotterdam."]
