"""Every undo command, pushed on a briefing nobody has reviewed, reviews at most the item the
analyst acted on; undo gives every state back."""

import pytest

from briefing_app.document import briefing_commands, commands
from briefing_app.document import correction_commands as cc
from briefing_app.document.commands import ApplyAnalysisCommand
from briefing_app.domain.model import Judgment
from briefing_app.storage.project_file import dumps


@pytest.fixture
def analyzed(doc, handmade):
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(doc.briefing.sources[0])))
    doc.push(cc.add_note(doc, "A note."))
    return doc


def at(doc, needle):
    start = doc.briefing.sources[0].text.index(needle)
    return start, start + len(needle)


def states(doc):
    return {item.id: item.review for item in doc.briefing.actors + doc.briefing.claims}


def claim(doc, claim_id):
    return doc.briefing.claim(claim_id)


# name -> (a command for the document, the ids whose review it owns)
COMMANDS = {
    "new actor": (lambda d: cc.new_actor(d, "s1", *at(d, "ministry")), {"new"}),
    "add mention": (lambda d: cc.add_mention(d, "a1", "s1", *at(d, "Chancellor")), {"a1"}),
    "merge actors": (lambda d: cc.merge_actors(d, "a1", ["a2", "a3"]), set()),
    "split mention": (lambda d: cc.split_mention(d, "a2", 0), {"a2", "new"}),
    "delete actor": (lambda d: cc.delete_actor(d, "a2"), set()),
    "new claim": (lambda d: cc.new_claim(d, "s1", *at(d, "the ministry is preparing")),
                  {"new"}),
    "delete claim": (lambda d: cc.delete_claim(d, "c1"), set()),
    "set claim actor": (lambda d: cc.set_claim_actor(d, "c1", "a2"), {"c1"}),
    "add note": (lambda d: cc.add_note(d, "Another."), set()),
    "edit note": (lambda d: cc.edit_note(d, d.briefing.notes[0].id, "Edited."), set()),
    "delete note": (lambda d: cc.delete_note(d, d.briefing.notes[0].id), set()),
    "nudge mention": (lambda d: cc.nudge(d, ("mention", "a1", 0), "end", 1), {"a1"}),
    "nudge cue": (lambda d: cc.nudge(d, ("claim", "c2", "cue"), "end", 1), {"c2"}),
    "update source": (lambda d: cc.UpdateSourceCommand(d, "s1", {"title": "T"}, "Edit"),
                      set()),
    "rate claim": (lambda d: commands.rate_claim(d, claim(d, "c1"), reliability="B"), {"c1"}),
    "status": (lambda d: commands.edit_claim(d, claim(d, "c1"), {"status": "false"}, "S"),
               {"c1"}),
    "comment": (lambda d: commands.edit_claim(d, claim(d, "c3"), {"comment": "x"}, "C"),
                {"c3"}),
    "exclude claim": (lambda d: commands.edit_claim(d, claim(d, "c1"), {"included": False},
                                                    "Exclude claim"), set()),
    "accept claim": (lambda d: commands.set_review(d, claim(d, "c2"), "accepted"), {"c2"}),
    "reject claim": (lambda d: commands.set_review(d, claim(d, "c2"), "rejected"), {"c2"}),
    "rename actor": (lambda d: commands.edit_actor(d, "a1", {"name": "M. V."}, "Rename"),
                     {"a1"}),
    "actor kind": (lambda d: commands.edit_actor(d, "a1", {"kind": "group"}, "Kind"), {"a1"}),
    "exclude actor": (lambda d: commands.edit_actor(d, "a1", {"included": False}, "Exclude"),
                      set()),
    "accept actor": (lambda d: commands.UpdateActorCommand(d, "a3", {"review": "accepted"},
                                                           "Accept actor"), {"a3"}),
    "re-analysis": (lambda d: ApplyAnalysisCommand(d, _analysis(d)), set()),
    "bottom line": (lambda d: briefing_commands.SetBriefingFieldsCommand(
        d, {"bluf": "Text."}), set()),
    "add judgment": (lambda d: briefing_commands.AddJudgmentCommand(
        d, Judgment("j1", "It will rain.")), set()),
}


def _analysis(doc):
    from support import handmade

    return handmade.make_analysis(doc.briefing.sources[0])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_reviews_only_what_the_analyst_acted_on(analyzed, name):
    make, owned = COMMANDS[name]
    before, before_json = states(analyzed), dumps(analyzed.briefing)
    command = make(analyzed)
    analyzed.push(command)
    owned = {getattr(command, "new_id", "") if item == "new" else item for item in owned}
    after = states(analyzed)
    for item_id, state in after.items():
        expected = "edited" if item_id in owned else before.get(item_id, "machine")
        if name.startswith(("accept", "reject")) and item_id in owned:
            expected = name.split()[0] + "ed"
        assert state == expected, (name, item_id)
    analyzed.undo_stack.undo()
    assert dumps(analyzed.briefing) == before_json


def test_merging_through_the_command_says_what_changed(analyzed):
    analyzed.push(cc.merge_actors(analyzed, "a1", ["a2", "a3"]))
    assert [c.changed_by for c in analyzed.briefing.claims] == [
        [], ["source actor Katrin Oehlert merged into Markus Vollrath"],
        ["source actor officials merged into Markus Vollrath"]]
    analyzed.undo_stack.undo()
    assert [c.changed_by for c in analyzed.briefing.claims] == [[], [], []]


def test_reanalysis_undo_gives_back_what_it_noted(analyzed):
    found = _analysis(analyzed)
    for actor in found.actors:
        actor.affiliation = "Port Authority"
    analyzed.push(ApplyAnalysisCommand(analyzed, found))
    assert analyzed.briefing.actor("a1").changed_by == ["affiliation filled in by an analysis"]
    analyzed.undo_stack.undo()
    assert analyzed.briefing.actor("a1").changed_by == []
    assert analyzed.briefing.actor("a1").affiliation == ""
