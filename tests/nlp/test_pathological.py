"""Pathological small texts stay linear: a paragraph crowded with quotation marks and
thousands of one-character paragraphs (timings live in benchmarks/pathological.py)."""

from __future__ import annotations

from briefing_app.nlp.engine import _MAX_MARKS, analyze, pieces_of
from briefing_app.nlp.quotes import find_quotes, mark_positions
from briefing_app.storage.readers.load import load_text


def quotes_text(marks: int) -> str:
    """The benchmark's text: `marks` quotation marks, 2.25 characters each, on one line."""
    return '"a" "bc" ' * (marks // 4)


def paragraphs_text(count: int) -> str:
    return "x\n" * count


class CountingPipeline:
    """The real pipeline, remembering every text it was asked to parse."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, texts, **kwargs):
        def counted():
            for text in texts:
                self.parsed.append(text)
                yield text

        return self._nlp.pipe(counted(), **kwargs)

    def __getattr__(self, name):
        return getattr(self._nlp, name)


def _whole(text: str, spans: list[tuple[int, int]]) -> bool:
    """True when the spans tile the text from start to end, in order, without a gap."""
    ends = [0] + [end for _start, end in spans]
    return all(start == ends[n] for n, (start, _end) in enumerate(spans)) and ends[-1] == len(text)


def test_24000_quotation_marks_are_paired_and_cut_into_small_pieces():
    text = quotes_text(24_000)
    assert len(text) == 54_000
    paragraphs = [(0, len(text))]
    quotes = find_quotes(text, paragraphs)
    assert len(quotes) == 12_000
    assert quotes[:2] == [(0, 3), (4, 8)] and quotes[-1] == (len(text) - 5, len(text) - 1)
    pieces = pieces_of(text, paragraphs)
    marks = mark_positions(text)
    assert _whole(text, pieces)
    # Each piece is checked token by token against its quotes: a bounded number of marks
    # per piece is what keeps the whole analysis linear.
    assert max(sum(s <= m < e for m in marks) for s, e in pieces) <= _MAX_MARKS
    # A cut falls between two quotes, never inside one.
    assert all(text[s] == '"' for s, _e in pieces)


def test_a_news_paragraph_with_many_quotes_is_not_cut():
    sentence = 'Ms Berg said "the port will reopen" and "the strike is over". '
    text = sentence * 12  # 48 marks, as a quote-heavy news paragraph may hold
    assert pieces_of(text, [(0, len(text))]) == [(0, len(text))]


def test_claims_after_a_run_of_quotation_marks_keep_their_offsets(nlp):
    quoted = 'The minister said "the port will reopen on Monday."'
    source = load_text(quotes_text(2_000) + "\n\n" + quoted)
    analysis = analyze(nlp, source)
    content = [c.content.text(source.text) for c in analysis.claims if c.cue is not None]
    assert content == ['"the port will reopen on Monday."']
    assert all(0 <= c.start < c.end <= len(source.text) for c in analysis.claims)


def test_100000_one_character_paragraphs_are_parsed_once_each(nlp):
    pipeline = CountingPipeline(nlp)
    source = load_text(paragraphs_text(100_000))
    assert len(source.paragraphs) == 100_000
    analysis = analyze(pipeline, source)
    # spaCy's fixed cost per Doc made this a per-paragraph cost; one parse serves them all.
    assert pipeline.parsed == ["x"]
    assert analysis.claims == [] and analysis.actors == []


def test_a_claim_among_repeated_tiny_paragraphs_keeps_its_offsets(nlp):
    filler = "-\n" * 3_000
    claim = "The minister said the port would reopen on Monday.\n"
    pipeline = CountingPipeline(nlp)
    source = load_text(filler + claim + filler + claim + filler)
    analysis = analyze(pipeline, source)
    assert pipeline.parsed == ["-", claim.strip()]  # each text once, though both recur
    found = [c for c in analysis.claims if c.cue is not None]
    assert [c.content.text(source.text) for c in found] == ["the port would reopen on Monday"] * 2
    second = len(filler + claim + filler)
    assert [c.cue.start for c in found] == [len(filler) + 13, second + 13]
