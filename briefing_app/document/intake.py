"""Adding a read article to the open briefing: one undoable step, then its analysis.

The window's File > Open and Add Source, paste, drag and drop all come here, so a source
arrives by the same rule (domain.intake) however the analyst brings it in.

Into a blank briefing (new, untouched) an article file and its first analysis are the
baseline, not edits: reading an article leaves nothing unsaved and nothing to undo, since
the file is still there to open again. Adding a source to a briefing that already holds
one, or the analyst's work, is the analyst's act: an undoable, unsaved change as before;
so is pasted text, which exists nowhere else and must not be lost without a question.
"""

from __future__ import annotations

from briefing_app.document.analysis_control import AnalysisController
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand
from briefing_app.domain.intake import Admission, prepare_source
from briefing_app.domain.model import Source
from briefing_app.domain.ops import add_source


def admit_source(doc: BriefingDocument, analysis: AnalysisController, source: Source,
                 path: str = "") -> Admission:
    """Add `source` (unless its text is already a source) and start analysing it."""
    admission = prepare_source(doc.briefing, source, path)
    if admission.is_new and path and doc.is_blank():
        doc.apply_baseline(add_source(doc.briefing, admission.source))
        analysis.analyze(admission.source.id, baseline=True)
    elif admission.is_new:
        doc.push(AddSourceCommand(doc, admission.source))
        analysis.analyze(admission.source.id)
    return admission
