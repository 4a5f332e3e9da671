"""Qt without widgets: the open briefing with its undo stack, commands, intake, the analysis
worker and autosave.

One way to undo, two kinds of memory, chosen by what an edit touches:

- **Old and new field values** when an edit sets named fields of one item or of the
  briefing (rating, status, comment, review state, title, a key judgment's text). The
  command keeps the values it replaced (`review.claim_values`, `ops.briefing_values`, ...)
  and undo sets them back through the same domain op. These commands may merge
  (`merge_ids.MergeId`) so typing is one step.
- **A snapshot** when an edit reshapes the briefing: adding, merging, splitting or deleting
  items, nudging spans, applying an analysis. The command takes `corrections.snapshot` (or,
  for an analysis, the source's claims and actors) before its first redo, and undo restores
  it (`corrections.restore`). A command that creates an item is given the new id at
  construction and exposes it as `new_id`.

Swapping in a whole briefing (restoring an autosave) goes through `BriefingDocument.swap`,
so only the document ever replaces what it owns.
"""
