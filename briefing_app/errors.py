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


class RegisterError(BriefingError):
    """The analyst's actor register could not be read or written; briefings open without it."""

    DAMAGED = ("Your actor register {path} is damaged, so it is not used: move the file away "
               "and a new, empty register is made (articles open as usual meanwhile).")
    UNREADABLE = ("Could not open your actor register {path} ({reason}); articles open as "
                  "usual without it.")
    NEWER = ("Your actor register {path} was written by a newer version of Briefing Builder; "
             "update the program to use it (articles open as usual meanwhile).")
    WRITE = "Could not change your actor register ({reason}); try again or check the disk."
    BAD_ROW = "Row {row} of {file} {problem}; fix that row and import again."
    BAD_FILE = ("{file} is not a register export ({problem}); "
                "export one from Edit > Actor Register.")
