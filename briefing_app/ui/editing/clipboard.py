"""Sharing through the clipboard and drag and drop: copy a claim with its citation (plain
text and HTML, so it pastes well into Outlook and Word), paste text or HTML as a new source,
and drop article or project files onto the window.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import QMessageBox

from briefing_app.document.intake import admit_source
from briefing_app.domain.claim_sentence import SPEAKER, claim_sentence
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import Briefing, Claim
from briefing_app.domain.short_text import shortened
from briefing_app.domain.vocab import ItemKind
from briefing_app.errors import BriefingError
from briefing_app.ui.window.actions import make_action


def _one_line(text: str) -> str:
    return " ".join(text.split())


UNREVIEWED_MARK = "[unreviewed]"


def citation_parts(briefing: Briefing, claim: Claim) -> dict[str, object]:
    """The pieces of a copied claim: its sentence (as the briefing writes it), whether the
    analyst has checked it, and the source citation."""
    source = briefing.source(claim.source_id)
    actor = briefing.actor(claim.actor_id)
    if actor is not None and (not actor.included or actor.review == "rejected"):
        actor = None  # as in the briefing: a left-out actor is not named as the speaker
    said = claim_sentence(claim, source.text, actor)
    # Names and titles are labels: bidi controls in them must not reorder the citation.
    # A long title is cut at a word, never inside one.
    where = [safe_label(source.outlet), shortened(safe_label(source.title)), source.published,
             f"para. {claim.paragraph or source.paragraph_of(claim.start)}"]
    return {
        "pieces": [(safe_label(text), role) for text, role in said.pieces],
        "unreviewed": claim.review == "machine",
        "citation": ", ".join(w for w in where if w),
        "url": source.url,
    }


def cite_text(briefing: Briefing, claim: Claim) -> str:
    """'“…,” Maria Lind said. Source: Outlet, title, date, para. 3.'"""
    p = citation_parts(briefing, claim)
    mark = f"{UNREVIEWED_MARK} " if p["unreviewed"] else ""
    said = _one_line("".join(text for text, _ in p["pieces"]))
    url = f" {p['url']}" if p["url"] else ""
    return f"{mark}{said} Source: {p['citation']}.{url}"


def cite_html(briefing: Briefing, claim: Claim) -> str:
    """The same citation as simple HTML: Outlook and Word keep the bold, italics and link."""
    p = citation_parts(briefing, claim)
    mark = f"<b>{UNREVIEWED_MARK}</b> " if p["unreviewed"] else ""
    said = "".join(f"<b>{escape(text)}</b>" if role == SPEAKER else escape(text)
                   for text, role in p["pieces"])
    url = escape(p["url"])
    link = f' <a href="{url}">{url}</a>' if url else ""
    return f"<p>{mark}{said}<br><i>Source: {escape(p['citation'])}.</i>{link}</p>"


class ClipboardActions(QObject):
    """Edit > Copy Claim with Citation, Edit > Paste as New Source, and file drops."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.copy_action = self._action("actionCopyCitation", "Copy Claim with &Citation",
                                        "Ctrl+Shift+C", self.copy_claim)
        self.paste_action = self._action("actionPasteAsSource", "&Paste as New Source",
                                         "Ctrl+Shift+V", self.paste_source)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _action(self, name, text, keys, slot) -> QAction:
        return make_action(self.window, name, text, slot, keys, add_to=self.window)

    def copy_claim(self) -> bool:
        review, briefing = self.window.review, self.window.doc.briefing
        claim = briefing.claim(review.item_id) if review.kind == ItemKind.CLAIM else None
        if claim is None:
            self.window.statusBar().showMessage("Select a claim to copy it.", 5000)
            return False
        mime = QMimeData()
        mime.setText(cite_text(briefing, claim))
        mime.setHtml(cite_html(briefing, claim))
        QGuiApplication.clipboard().setMimeData(mime)
        self.window.statusBar().showMessage("Claim copied with its citation.", 4000)
        return True

    def paste_source(self) -> bool:
        return self.add_text_source(QGuiApplication.clipboard().mimeData())

    def add_text_source(self, mime: QMimeData | None) -> bool:
        """A new source from the text (or, failing that, the HTML) of `mime`; analysed."""
        from briefing_app.storage.readers.load import load_text

        text = mime.text() if mime is not None and mime.hasText() else ""
        if not text.strip() and mime is not None and mime.hasHtml():
            text = QTextDocumentFragment.fromHtml(mime.html()).toPlainText()
        try:
            source = load_text(text, max_chars=self.window.settings.input_limits()["max_chars"])
        except BriefingError as error:
            QMessageBox.warning(self.window, "Could not paste", str(error))
            return False
        admission = admit_source(self.window.doc, self.window.analysis, source)
        if not admission.is_new:
            self.window.statusBar().showMessage("That text is already a source.", 5000)
        self.window.show_source(admission.source.id)
        return True

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            mime = event.mimeData()
            if mime.hasUrls() or mime.hasText() or mime.hasHtml():
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            self.drop(event.mimeData())
            event.acceptProposedAction()
            return True
        return False

    def drop(self, mime: QMimeData) -> None:
        """Files open as File > Open does (articles are added); dropped text is pasted."""
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if not paths:
            if mime.hasText() or mime.hasHtml():
                self.add_text_source(mime)
            return
        for path in paths:
            if Path(path).is_file():
                self.window.open_path(path)
