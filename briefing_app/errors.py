"""The project's own error types: each carries one sentence a user can act on."""


class BriefingError(Exception):
    """Base of every error the user may see; str(error) is the message to show."""


class LoadError(BriefingError):
    """An article could not be loaded (empty, binary, corrupt, too large, ...)."""


class ProjectFileError(BriefingError):
    """A .briefing project file could not be read or written."""


class ExportError(BriefingError):
    """A Word briefing could not be written."""


class PipelineError(BriefingError):
    """The spaCy pipeline could not be found or loaded."""
