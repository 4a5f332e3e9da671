"""The docked panels: sources, actors and claims lists, the briefing, notes and the inspector."""
