"""Word export, run by run: every paragraph's text and every run's content and effective
formatting, read back with python-docx, equal the snapshot taken from the exporter that
used python-docx's own text and font setters.

The briefing holds what those setters treat specially: tabs, newlines and carriage returns
(w:tab / w:br), leading and trailing spaces (xml:space="preserve"), quotation marks, bidi
controls, astral characters and XML-illegal control characters, in claims, notes, the BLUF,
names and the appendix. Effective formatting is the run's direct formatting over its
character style's (and that style's bases), so a look moved from the run into a style
compares equal, and a look that changed does not.

After an intended change to the export's output, rewrite the snapshot with
    PYTHONPATH=tests .venv/bin/python tests/storage/test_export_runs.py --write
and review its diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from briefing_app.domain.model import Actor, Briefing, Claim, Mention, Note, Source
from briefing_app.storage.word.export import export_briefing
from briefing_app.storage.word.template import default_template
from support import briefing_builders as builders

NOW = datetime(2026, 11, 27, 9, 30)
EXPECTED = Path(__file__).with_name("data") / "export_runs_expected.json"
RLO, PDF = "\u202e", "\u202c"
ASTRAL = "\U0001d518\U0001f600"  # MATHEMATICAL FRAKTUR U, GRINNING FACE
CONTROLS = "\x00\x07\x1b\ufffe\udc80"  # all illegal in XML: cleaned away
# Paragraphs found at blank lines (no stored bounds); a run keeps tabs, \n and \r\n.
ARTICLE = (
    f"  Lead\twith a tab{CONTROLS} and {ASTRAL}, then a line\nbreak and a \r\nCRLF.  \n\n"
    f"“Quoted words,” said Ana\tLópez{RLO}tsil{PDF}, \"in plain quotes\" too.\n\n"
    f"The deal was reportedly\tsigned {ASTRAL} at dawn.\t\n"
)


def _stress_briefing() -> Briefing:
    briefing = builders.sample_briefing()
    briefing.mark = "TLP:RED"
    briefing.bluf = (f"First block\twith a tab{CONTROLS}, “quotes” and {ASTRAL}.\n"
                     f"  A second line, indented.\r\nA third.\n\n{RLO}Reversed{PDF} block.")
    briefing.judgments[0].text = f"the strike\tcontinues\npast {ASTRAL} Friday{CONTROLS}"
    source = Source("s3", ARTICLE, title=f"Tabs\tand {ASTRAL} lines{CONTROLS}",
                    outlet=f"{RLO}eriW{PDF}", author="A.\tWriter", published="2026-11-25")
    briefing.sources.append(source)
    ana = builders.span(source, "Ana\tLópez")
    briefing.actors.append(Actor(
        "a7", f"Ana\tLópez{CONTROLS} {ASTRAL}", "person", role="spokes\nwoman",
        note=f"“careful”\t{ASTRAL}", mentions=[Mention("s3", ana.start, ana.end)],
        review="accepted"))
    quoted = builders.span(source, "Quoted words,")
    deal = builders.span(source, "The deal was reportedly\tsigned")
    briefing.claims += [
        Claim("c10", "s3", "direct_quote", quoted, source_span=ana,
              cue=builders.span(source, "said"), stance="assert", actor_id="a7",
              comment=f"Check\tthe\nquote{CONTROLS} {ASTRAL}.", review="machine"),
        Claim("c11", "s3", "reported", deal, hedges=[builders.span(source, "reportedly")],
              cue=builders.span(source, "was"), actor_id="a7", review="accepted"),
    ]
    lead = builders.span(source, "Lead\twith a tab")
    briefing.notes.append(Note("n3", f"A note\twith\ntabs{CONTROLS} and {ASTRAL}", "s3",
                               lead.start, lead.end))
    return briefing


def _template_without(folder: Path, *names: str) -> Path:
    document = docx.Document(str(default_template()))
    for name in names:
        element = document.styles[name].element
        element.getparent().remove(element)
    path = folder / "plain.docx"
    document.save(str(path))
    return path


def _exports(folder: Path) -> dict[str, Path]:
    """The three exports the snapshot covers: default template, a template lacking the
    bullet, caption and grid styles (the glyph run "•\t"), and an empty briefing."""
    paths = {name: folder / f"{name}.docx" for name in ("stress", "fallback", "empty")}
    export_briefing(_stress_briefing(), paths["stress"], now=NOW,
                    highlight_colours={"person": "#ffd1dc"})
    export_briefing(_stress_briefing(), paths["fallback"], now=NOW,
                    template=_template_without(folder, "List Bullet", "Caption", "Table Grid"))
    export_briefing(Briefing(), paths["empty"], now=NOW, mark="TLP:CLEAR", title="Nothing")
    return paths


def _content(run) -> list[list[str]]:
    """The run's children after its properties: w:t with its text and xml:space, w:tab, w:br."""
    found = []
    for child in run._r:
        tag = child.tag.split("}")[1]
        if tag == "rPr":
            continue
        if tag == "t":
            found.append([tag, child.text or "", child.get(qn("xml:space")) or ""])
        else:
            found.append([tag])
    return found


def _shading(element) -> str | None:
    rpr = element.find(qn("w:rPr"))
    shd = rpr.find(qn("w:shd")) if rpr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def _effective(run) -> dict:
    """Run formatting as the reader sees it from run level: direct, else character style."""
    chain = []
    style = run.style
    while style is not None and style.type == WD_STYLE_TYPE.CHARACTER:
        chain.append(style)
        style = style.base_style
    fonts = [run.font] + [s.font for s in chain]
    elements = [run._r] + [s.element for s in chain]

    def first(read):
        return next((value for value in map(read, fonts) if value is not None), None)

    colour = first(lambda f: f.color.rgb if f.color.type is not None else None)
    size = first(lambda f: f.size)
    highlight = first(lambda f: f.highlight_color)
    return {
        "bold": first(lambda f: f.bold),
        "italic": first(lambda f: f.italic),
        "underline": first(lambda f: f.underline),
        "colour": str(colour) if colour is not None else None,
        "size": size.pt if size is not None else None,
        "highlight": str(highlight) if highlight is not None else None,
        "shading": next((v for v in map(_shading, elements) if v is not None), None),
    }


def _paragraphs(document):
    for section in document.sections:
        yield from (("header", p) for p in section.header.paragraphs)
        yield from (("footer", p) for p in section.footer.paragraphs)
    for paragraph in document.paragraphs:
        yield "body", paragraph
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from (("table", p) for p in cell.paragraphs)


def snapshot(path: Path) -> dict:
    document = docx.Document(str(path))
    return {
        "paragraphs": [
            {"where": where, "style": p.style.name, "text": p.text,
             "runs": [{"content": _content(r), **_effective(r)} for r in p.runs]}
            for where, p in _paragraphs(document)],
        "comments": sorted(c.text for c in document.comments),
    }


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    return _exports(tmp_path_factory.mktemp("runs"))


@pytest.mark.parametrize("name", ["stress", "fallback", "empty"])
def test_every_paragraph_and_run_equals_the_snapshot(exported, name):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))[name]
    found = snapshot(exported[name])
    assert found["comments"] == expected["comments"]
    assert len(found["paragraphs"]) == len(expected["paragraphs"])
    for got, want in zip(found["paragraphs"], expected["paragraphs"], strict=True):
        assert got == want


def test_tabs_breaks_and_spaces_become_their_elements(exported):
    document = docx.Document(str(exported["stress"]))
    lead = next(p for p in document.paragraphs if p.text.startswith("  Lead\t"))
    assert lead.text == f"  Lead\twith a tab and {ASTRAL}, then a line\nbreak and a \n\nCRLF.  "
    tags = [child.tag.split("}")[1] for r in lead.runs for child in r._r
            if child.tag != qn("w:rPr")]
    assert "tab" in tags and tags.count("br") == 3  # \n, then \r and \n each a break
    texts = [t for r in lead.runs for t in r._r.iter(qn("w:t"))]
    assert texts[0].text == "  " and texts[0].get(qn("xml:space")) == "preserve"
    assert all(t.get(qn("xml:space")) is None for t in texts if t.text == t.text.strip())


def test_quotes_hedges_and_cleaning_survive(exported):
    document = docx.Document(str(exported["stress"]))
    text = "\n".join(p.text for p in document.paragraphs)
    # The direct quote in quotation marks, the reported claim not, its hedge kept.
    assert "“Quoted words,” Ana López said." in text
    assert "The deal was reportedly signed.\n" in text and "hedged (“reportedly”)." in text
    assert not set(CONTROLS) & set(text)
    assert ASTRAL in text


def test_table_cells_keep_their_small_size(exported):
    document = docx.Document(str(exported["stress"]))
    (table,) = document.tables
    for row in table.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                assert _effective(run)["size"] == 9.5


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        made = {name: snapshot(path) for name, path in _exports(Path(work)).items()}
    EXPECTED.parent.mkdir(exist_ok=True)
    # One paragraph a line, so a change shows as a readable diff.
    lines = []
    for name, shot in made.items():
        lines.append(f"{json.dumps(name)}: {{\"comments\": "
                     f"{json.dumps(shot['comments'], ensure_ascii=False)}, \"paragraphs\": [")
        lines.append(",\n".join(json.dumps(p, ensure_ascii=False) for p in shot["paragraphs"]))
        lines.append("]},")
    lines[-1] = "]}"
    EXPECTED.write_text("{\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")


def test_a_template_style_of_the_same_name_is_replaced(tmp_path):
    # A template saved from an earlier export, its table style made big and red: the export
    # still looks as designed, and defines the style once.
    document = docx.Document(str(default_template()))
    style = document.styles.add_style("Briefing Table Text", WD_STYLE_TYPE.CHARACTER)
    style.font.size, style.font.color.rgb = docx.shared.Pt(20), docx.shared.RGBColor(255, 0, 0)
    template = tmp_path / "earlier.docx"
    document.save(str(template))
    export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=template, now=NOW)
    result = docx.Document(str(tmp_path / "x.docx"))
    named = [s for s in result.styles if s.name == "Briefing Table Text"]
    assert len(named) == 1 and named[0].font.color.rgb is None
    cell = result.tables[0].rows[1].cells[1].paragraphs[0].runs[0]
    assert _effective(cell) == {"bold": None, "italic": None, "underline": None, "colour": None,
                                "size": 9.5, "highlight": None, "shading": None}


def _soffice_or_skip() -> str:
    soffice = shutil.which("soffice")
    if soffice:
        return soffice
    if os.environ.get("CI") == "true":
        pytest.fail("LibreOffice (soffice) is needed on CI")
    pytest.skip("LibreOffice (soffice) is needed")


@pytest.fixture(scope="module")
def rendered(exported, tmp_path_factory) -> dict[str, etree._Element]:
    """The stress and empty exports as LibreOffice reads them (flat ODF XML)."""
    soffice = _soffice_or_skip()
    work = tmp_path_factory.mktemp("lo")
    found = {}
    for name in ("stress", "empty"):
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={(work / 'profile').as_uri()}",
             "--convert-to", "fodt", "--outdir", str(work), str(exported[name])],
            check=True, capture_output=True, timeout=120)
        found[name] = etree.parse(str(work / f"{name}.fodt")).getroot()
    return found


def _odf(prefix: str, name: str) -> str:
    namespaces = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
                  "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
                  "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
    return f"{{{namespaces[prefix]}}}{name}"


def _lo_look(root, text: str) -> dict[str, str]:
    """The text properties LibreOffice gives the first span holding exactly `text` (it nests
    an automatic style's span in the character style's): outer spans first, each style
    over the styles it is based on."""
    styles = {s.get(_odf("style", "name")): s for s in root.iter(_odf("style", "style"))
              if s.get(_odf("style", "family")) == "text"}
    span = next(s for s in root.iter(_odf("text", "span")) if "".join(s.itertext()) == text)
    while (inner := span.find(_odf("text", "span"))) is not None \
            and "".join(inner.itertext()) == text:
        span = inner
    chain = [a for a in span.iterancestors(_odf("text", "span"))][::-1] + [span]
    look: dict[str, str] = {}
    for holder in chain:
        layers, style = [], styles.get(holder.get(_odf("text", "style-name")))
        while style is not None:
            layers.append(style)
            style = styles.get(style.get(_odf("style", "parent-style-name")))
        for style in reversed(layers):
            for properties in style.iter(_odf("style", "text-properties")):
                look.update({etree.QName(k).localname: v for k, v in properties.attrib.items()
                             if etree.QName(k).namespace == _odf("fo", "x")[1:-2]})
    return look


def test_libreoffice_reads_the_character_styles_and_direct_formatting(rendered):
    stress, empty = rendered["stress"], rendered["empty"]
    person = _lo_look(stress, "person")  # a Key actors cell
    assert person["font-size"] == "9.5pt"
    header = _lo_look(stress, "Role / affiliation")
    assert header["font-size"] == "9.5pt" and header["font-weight"] == "bold"
    marker = _lo_look(stress, "[unreviewed] ")
    assert marker["color"] == "#a03a00" and marker["font-weight"] == "bold"
    details = ("Reported speech, hedged (“reportedly”). Not rated; unverified. Single source. "
               "Source 3.")
    assert _lo_look(stress, details)["font-size"] == "9.5pt"
    placeholder = _lo_look(empty, "[No claims included]")
    assert placeholder["color"] == "#555555" and placeholder["font-style"] == "italic"


def test_libreoffice_keeps_tabs_and_line_breaks(rendered):
    # The appendix paragraph of ARTICLE's first lines; its note is a comment inside it.
    lead = next(p for p in rendered["stress"].iter(_odf("text", "p"))
                if "CRLF." in "".join(p.itertext()))
    outside = [e for e in lead.iter(_odf("text", "tab"), _odf("text", "line-break"))
               if not any(etree.QName(a).localname == "annotation" for a in e.iterancestors())]
    assert [etree.QName(e).localname for e in outside] == ["tab"] + ["line-break"] * 3
