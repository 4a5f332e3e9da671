"""Plain-Python domain model of Briefing Builder: sources, actors, claims, ratings, briefing."""
