"""A claim's words as the window and the briefing show them: one line, no article quotes."""

from briefing_app.domain.model import Claim, Span

TEXT = 'The minister said: "We will not\n  sign this deal."\nShe left.'


def test_words_drop_the_articles_quotation_marks_and_line_breaks():
    start = TEXT.index('"We')
    claim = Claim("c1", "s1", "direct_quote", Span(start, TEXT.index("\nShe")))
    assert claim.words(TEXT) == "We will not sign this deal."


def test_curly_quotes_and_unquoted_words():
    text = "He said “enough” and that talks had failed"
    quoted = Claim("c1", "s1", "direct_quote", Span(text.index("“enough"), text.index(" and")))
    assert quoted.words(text) == "enough"
    reported = Claim("c2", "s1", "reported", Span(text.index("talks"), len(text)))
    assert reported.words(text) == "talks had failed"


def test_the_comma_before_an_attribution_goes():
    text = '"Every day costs us money," she told reporters.'
    claim = Claim("c1", "s1", "direct_quote", Span(0, text.index(" she")))
    assert claim.words(text) == "Every day costs us money"
