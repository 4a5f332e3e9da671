"""Every offset the analysis JSON gives slices exactly the text it claims, whatever the text."""


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.nlp.engine import analyze
from briefing_app.storage.analysis_json import analysis_to_json
from briefing_app.storage.readers.load import load_text

# Pieces of news-like prose, and the characters that break naive offset arithmetic:
# emoji (astral), combining marks, CRLF, curly and straight quotes, unbalanced marks.
FRAGMENTS = [
    "The minister said that the port would reopen.",
    '"We are ready," she said, "but not at any price."',
    "According to officials, the talks collapsed.",
    "Dr. Amélie Roux\u0301 told reporters the vote was fair.",
    "\u201cNobody wants this,\u201d the diplomat said.",
    "It was reported that Berlin had objected.",
    "Brazilians protested; German officials declined to comment.",
    "The U.S. and America and Washington are one.",
    "\U0001F41F\U0001F1F3\U0001F1F4 emoji before a claim: he warned that prices could rise.",
    '"An unbalanced quote never closes',
    "\u2018single quotes\u2019 and \u00abguillemets\u00bb",
]
SEPARATORS = [" ", "\n", "\r\n", "\r\n\r\n", "\n\n", "\t"]


@st.composite
def articles(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        parts.append(draw(st.sampled_from(FRAGMENTS) | st.text(min_size=1, max_size=40)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


def _check_span(text: str, span: dict) -> None:
    if "segments" in span:
        pieces = [text[s:e] for s, e in span["segments"]]
        assert span["text"] == " ... ".join(pieces)
        assert span["start"] == span["segments"][0][0]
        assert span["end"] == max(e for _s, e in span["segments"])
    else:
        assert text[span["start"] : span["end"]] == span["text"]


def check_offsets(source, analysis) -> None:
    data = analysis_to_json(source, analysis)
    text = data["text"]
    assert text == source.text
    for actor in data["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert 0 <= claim["start"] <= claim["end"] <= len(text)
        for key in ("source", "cue", "content"):
            if claim[key] is not None:
                _check_span(text, claim[key])
        for hedge in claim["hedges"]:
            _check_span(text, hedge)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles())
def test_every_offset_slices_its_text(nlp, text):
    if not text.strip():
        return
    source = load_text(text)
    check_offsets(source, analyze(nlp, source))


def test_one_megabyte_without_line_breaks_analyses(nlp):
    sentence = 'The minister said that the port would reopen. "We are ready," she said. '
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    source = load_text(text, max_chars=2_000_000)
    # How fast is benchmarks/engine.py's to say; here only that it ends, right.
    analysis = analyze(nlp, source)
    assert len(analysis.claims) > 1000
    check_offsets(source, analysis)
