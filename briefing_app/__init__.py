"""Briefing Builder: the application id and version, defined here only."""

APP_ID = "org.briefingbuilder.BriefingBuilder"
APP_NAME = "Briefing Builder"
__version__ = "0.1.0"
