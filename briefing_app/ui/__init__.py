"""Widgets: main window, reading view, panels, dialogs."""
