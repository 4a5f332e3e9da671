"""Source.paragraph_of: which numbered paragraph an offset falls in."""

from briefing_app.domain.model import Source

TEXT = "First one.\n\nSecond one.\n\nThird."
PARAGRAPHS = [(0, 10), (12, 23), (25, 31)]


def test_offsets_inside_at_the_ends_and_between_paragraphs():
    source = Source("s1", TEXT, PARAGRAPHS)
    assert [source.paragraph_of(o) for o in (0, 9, 10)] == [1, 1, 1]  # the end is its own
    assert source.paragraph_of(11) == 2  # the blank line counts with the next paragraph
    assert [source.paragraph_of(o) for o in (12, 23, 25, 31)] == [2, 2, 3, 3]
    assert source.paragraph_of(500) == 3  # past the text: the last paragraph


def test_no_paragraphs_is_zero():
    assert Source("s1", "", []).paragraph_of(0) == 0
