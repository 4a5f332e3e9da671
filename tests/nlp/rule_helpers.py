"""Helpers for the rule tests: parse a sentence, pick its cue, name the rule that decides."""

from __future__ import annotations


def cue(nlp, text: str, word: str):
    """The first token of `text` spelled `word`, parsed by the real pipeline."""
    doc = nlp(text)
    found = [t for t in doc if t.text == word]
    assert found, f"no {word!r} in {[t.text for t in doc]}"
    return found[0]


def words(tokens) -> str:
    """The tokens in sentence order, spaced: what a rule picked, easy to compare."""
    assert tokens is not None, "the rule did not apply"
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def deciding(rules, *args):
    """The first of `rules` that answers for these arguments: the one a cascade uses."""
    return next((rule for rule in rules if rule(*args) is not None), None)


def listed_order(doc: str) -> list[str]:
    """The rule names a module docstring lists, comma-separated, after its last colon."""
    return [name.strip() for name in doc.rsplit(":", 1)[1].split(",")]
