"""The dialogs: about, mark as claim, export, settings and keyboard shortcuts."""
