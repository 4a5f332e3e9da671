"""AnalysisController: sends sources to the worker and applies the results that are still wanted.

A result is applied only if it answers the newest job for its source and the source still
has the text it was computed from (sha256); anything else is stale and dropped.

The first analysis of an article opened into a blank briefing is its baseline: applied
outside the undo stack, so reading an article leaves nothing unsaved. If the analyst has
acted meanwhile (the undo stack holds a step), it lands as an undoable step instead, so
no undo ever runs over a state it did not see.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from briefing_app.document.analysis_worker import AnalysisRunner
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import ApplyAnalysisCommand
from briefing_app.domain.ops import apply_analysis


class AnalysisController(QObject):
    progress = Signal(str, float)  # source id, fraction done
    landing = Signal(str)  # source id whose analysis is about to be applied
    landed = Signal(str)  # source id whose analysis was applied
    failed = Signal(str, str)  # source id, message
    stopped = Signal(str)  # source id whose analysis was cancelled

    def __init__(self, doc: BriefingDocument, runner: AnalysisRunner | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.runner = runner or AnalysisRunner(parent=self)
        self.pipeline = ""
        self._latest: dict[str, int] = {}  # source id -> newest job id
        self._labels: dict[int, str] = {}
        self._baseline: set[int] = set()  # jobs whose result is a blank briefing's baseline
        self._holding = 0
        self._held: list[tuple] = []  # results that arrived while holding, in order
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        doc.reset.connect(self.cancel)

    def analyze(self, source_id: str, label: str = "Analyse article", *,
                baseline: bool = False) -> int:
        """Start (or restart) the analysis of a source; review of it waits until it lands.
        `baseline`: the result is the machine's starting point, not an undoable step."""
        source = self.doc.briefing.source(source_id)
        job_id = self.runner.submit(source, self.pipeline)
        if not job_id:
            return 0
        self._latest[source_id] = job_id
        self._labels[job_id] = label
        if baseline:
            self._baseline.add(job_id)
        self.doc.set_pending(source_id, True)
        return job_id

    def cancel(self) -> None:
        self.runner.cancel_all()

    def busy(self) -> bool:
        return self.runner.is_busy() or bool(self._held)

    @contextmanager
    def holding(self):
        """Results that arrive inside this block are applied when it ends: a job on
        another thread (the Word export) reads the briefing meanwhile, so it must not
        change under it."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            while not self._holding and self._held:
                self._on_finished(*self._held.pop(0))

    def _wanted(self, job_id: int) -> str:
        """The source id this job's result is still wanted for, or ''."""
        source_id = next((s for s, j in self._latest.items() if j == job_id), "")
        return source_id if self.doc.briefing.source(source_id) else ""

    def _finish(self, job_id: int) -> str:
        source_id = self._wanted(job_id)
        self._labels.pop(job_id, None)
        self._baseline.discard(job_id)
        if source_id:
            del self._latest[source_id]
            self.doc.set_pending(source_id, False)
        return source_id

    def _on_progress(self, job_id: int, fraction: float) -> None:
        source_id = self._wanted(job_id)
        if source_id:
            self.progress.emit(source_id, fraction)

    def _on_finished(self, job_id: int, analysis, spare=None) -> None:
        if self._holding:
            self._held.append((job_id, analysis, spare))
            return
        label = self._labels.get(job_id, "Analyse article")
        baseline = job_id in self._baseline and self.doc.undo_stack.count() == 0
        source_id = self._finish(job_id)
        source = self.doc.briefing.source(source_id)
        if source is None or source.sha256 != analysis.sha256:
            return
        self.landing.emit(source_id)
        if baseline:
            self.doc.apply_baseline(apply_analysis(self.doc.briefing, spare or analysis,
                                                   owned=spare is not None))
        else:
            self.doc.push(ApplyAnalysisCommand(self.doc, analysis, label, spare=spare))
        self.landed.emit(source_id)

    def _on_failed(self, job_id: int, message: str) -> None:
        source_id = self._finish(job_id)
        if source_id:
            self.failed.emit(source_id, message)

    def _on_cancelled(self, job_id: int) -> None:
        source_id = self._finish(job_id)
        if source_id:
            self.stopped.emit(source_id)
