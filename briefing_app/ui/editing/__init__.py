"""The analyst's edits from menus and keys: corrections, nudges, keyboard review, the clipboard."""
