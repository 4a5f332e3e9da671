"""Whatever bytes a file holds, loading it gives a sane Source or a LoadError: nothing else."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.errors import LoadError
from briefing_app.storage.readers.load import load_path

# Random bytes, plus bytes that start like each real format so the parsers get past the
# first check and meet the garbage.
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb\xbf",
            b"\xff\xfe"]


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=4000),
    suffix=st.sampled_from([".txt", ".docx", ".html", ".pdf", ".md", ".xyz"]),
)
def test_random_bytes_load_or_raise_load_error(tmp_path, prefix, body, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(prefix + body)
    try:
        source = load_path(path)
    except LoadError as error:
        message = str(error)
        assert "\n" not in message and path.name in message
        assert not re.search(r"Traceback|\b\w+(Error|Exception)\b", message)
        return
    assert source.text.strip()
    for start, end in source.paragraphs:
        assert 0 <= start < end <= len(source.text)
