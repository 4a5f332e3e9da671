"""Qt without widgets: the open briefing with its undo stack, commands and the analysis worker."""
