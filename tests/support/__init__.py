"""Helpers shared by the tests: hand-made sources, analyses, briefings and files."""
