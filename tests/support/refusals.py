"""A file the loaders must refuse: the one clean sentence the analyst gets instead."""

import re

import pytest

from briefing_app.errors import LoadError
from briefing_app.storage.readers.load import load_path


def refused(path, **limits) -> str:
    """Load `path`, expect LoadError, check the message is one clean line naming the file."""
    with pytest.raises(LoadError) as info:
        load_path(path, **limits)
    message = str(info.value)
    assert "\n" not in message and message.strip() == message
    assert path.name in message
    assert "Traceback" not in message
    assert not re.search(r"\b\w*(Error|Exception)\b", message)
    assert message.endswith(".")
    return message


def one_line_error(err: str, *needles: str) -> str:
    """The one stderr line a refusal printed (no traceback), holding every needle."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]
