"""The settings dialog's number boxes offer exactly the ranges the settings declare, so an
accepted dialog never hands Settings.set() a value it refuses."""

from briefing_app.settings import SETTINGS, Settings
from briefing_app.ui.dialogs.settings import SettingsDialog


def test_spin_boxes_use_the_declared_ranges(qtbot, tmp_path):
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    for box, key in ((dialog.max_mb, "max_input_mb"), (dialog.max_chars, "max_text_chars")):
        assert (box.minimum(), box.maximum()) == (SETTINGS[key].minimum, SETTINGS[key].maximum)


def test_largest_values_the_boxes_allow_are_accepted(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.max_mb.setValue(10**9)  # clipped by the box to its maximum
    dialog.max_chars.setValue(10**9)
    dialog.accept()
    assert (settings.get("max_input_mb"), settings.get("max_text_chars")) == (4096, 50_000_000)
