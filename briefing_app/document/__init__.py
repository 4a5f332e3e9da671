"""Qt without widgets: the open briefing with its undo stack, commands and the analysis worker."""

from briefing_app.document.pyside_none_fix import keep_none_alive

keep_none_alive()
