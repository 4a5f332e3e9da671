"""The main window's assembly: the window, its parts, menus, actions, status bar and file side."""
