"""Retake docs/register-dialog.png: Edit > Actor Register… over a few made-up entries,
the fire chief chosen.

Run under a display or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_register_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from briefing_app import paths
from briefing_app.domain.register_match import RegisterEntry
from briefing_app.settings import Settings
from briefing_app.storage.register import Register

DOCS = Path(__file__).resolve().parent
ENTRIES = (
    RegisterEntry("South Korea", "state", ["ROK", "S. Korea"], note="Republic of Korea"),
    RegisterEntry("Ottokar Wendt", "person", ["Wendt", "Chief Wendt"], "fire chief",
                  "Klow Fire Service", "spelling checked with the fire service"),
    RegisterEntry("Klow Port Authority", "organisation", ["port authority", "KPA"],
                  affiliation="Syldavia"),
    RegisterEntry("Syldavia", "state", ["BRD"], note="the BRD acts for the state here"),
    RegisterEntry("Dockworkers' Union", "organisation", ["the union"], affiliation="Klow"),
)


def main() -> int:
    # A home of its own: the screenshot's register is never the user's.
    paths.override_home(Path(tempfile.mkdtemp(prefix="briefing-screenshot-")))
    app = QApplication.instance() or QApplication(sys.argv)
    from briefing_app.ui.dialogs.register import RegisterDialog

    register = Register.open()
    for entry in ENTRIES:
        register.save(entry)
    dialog = RegisterDialog(register, Settings())
    dialog.show()
    dialog.table.selectRow([e.name for e in dialog.entries].index("Ottokar Wendt"))
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)
    loop.exec()
    path = DOCS / "register-dialog.png"
    dialog.grab().save(str(path))
    print(path)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
