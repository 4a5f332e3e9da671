"""The actor register as the domain sees it: entries the analyst confirmed, and the pure
ops that apply them to a briefing's actors or fold a new correction into them.

Applying never reviews anything: a register match changes only unreviewed actors (and
moves mentions into whatever actor it merges them with), and says so in `changed_by`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.domain.model import Actor, Briefing
from briefing_app.domain.ops import Change, note_change
from briefing_app.domain.vocab import ChangeKind

FROM_REGISTER = "from your register"


@dataclass
class RegisterEntry:
    """One remembered actor: its canonical name, kind, other names, role and affiliation."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    affiliation: str = ""
    note: str = ""
    id: int | None = None  # the storage's row id; None until stored


def name_key(name: str) -> str:
    """The form names are matched in: case, dots and spacing do not count ("S. Korea",
    "s korea"), since the same name is written all these ways."""
    return " ".join(re.sub(r"[.\u2019']", " ", name).casefold().split())


def index_entries(entries: list[RegisterEntry]) -> dict[str, RegisterEntry]:
    """Each canonical name and alias (as name_key) -> its entry; canonical names win."""
    index: dict[str, RegisterEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            index.setdefault(name_key(alias), entry)
    for entry in entries:
        index[name_key(entry.name)] = entry
    return index


def apply_register(briefing: Briefing, entries: list[RegisterEntry],
                   source_id: str | None = None) -> list[Change]:
    """Give the unreviewed actors (of `source_id`, or all) what the register knows: an alias
    merges into the actor of the canonical name (or is renamed to it), and kind, role and
    affiliation come from the entry. Returns [] when nothing changed."""
    index = index_entries(entries)
    changed = False
    for actor in list(briefing.actors):
        if actor not in briefing.actors or actor.review != "machine":
            continue
        if source_id and not any(m.source_id == source_id for m in actor.mentions):
            continue
        entry = index.get(name_key(actor.name))
        if entry is None:
            continue
        target = _canonical_actor(briefing, entry, besides=actor)
        if target is not None:
            _fold(briefing, actor, target)
            _take_fields(target, entry)
        else:
            _take_fields(actor, entry)
        changed = True
    return [Change(ChangeKind.ACTORS), Change(ChangeKind.CLAIMS)] if changed else []


def _canonical_actor(briefing: Briefing, entry: RegisterEntry, besides: Actor) -> Actor | None:
    key = name_key(entry.name)
    named = [a for a in briefing.actors if a is not besides and name_key(a.name) == key]
    # The one of the register's kind first: "South Korea" the state, not the ORG mistake.
    named.sort(key=lambda a: (a.kind != entry.kind, a.review == "machine"))
    return named[0] if named else None


def _fold(briefing: Briefing, actor: Actor, target: Actor) -> None:
    known = {(m.source_id, m.start, m.end) for m in target.mentions}
    order = {s.id: n for n, s in enumerate(briefing.sources)}
    target.mentions = sorted(
        target.mentions + [m for m in actor.mentions
                           if (m.source_id, m.start, m.end) not in known],
        key=lambda m: (order.get(m.source_id, len(order)), m.start))
    for claim in briefing.claims:
        if claim.actor_id == actor.id:
            note_change(claim, f"source actor {actor.name} merged into {target.name} "
                               f"{FROM_REGISTER}")
            claim.actor_id = target.id
    briefing.actors = [a for a in briefing.actors if a is not actor]
    note_change(target, f"{actor.name} merged in {FROM_REGISTER}")


def _take_fields(actor: Actor, entry: RegisterEntry) -> None:
    if actor.review != "machine":
        return  # the analyst's own check stands
    values = {"name": entry.name, "kind": entry.kind, "role": entry.role,
              "affiliation": entry.affiliation}
    taken = [name for name, value in values.items()
             if value and getattr(actor, name) != value]
    for name in taken:
        setattr(actor, name, values[name])
    if taken:
        note_change(actor, f"{', '.join(taken)} {FROM_REGISTER}")


@dataclass
class Learning:
    """What a correction does to the register: `entry` replaces the entries `replaced`."""

    entry: RegisterEntry
    replaced: list[RegisterEntry]


def learned(entries: list[RegisterEntry], name: str, kind: str, aliases=(), role: str = "",
            affiliation: str = "", note: str = "") -> Learning:
    """The register after the analyst called an actor `name` of `kind`, also known as
    `aliases`: every entry that knows one of these names folds into one entry."""
    index = index_entries(entries)
    keys = [name_key(n) for n in (name, *aliases) if name_key(n)]
    found: list[RegisterEntry] = []
    for key in keys:
        if key in index and index[key] not in found:
            found.append(index[key])
    names = [*aliases] + [n for e in found for n in (e.name, *e.aliases)]
    own = name_key(name)
    unique: dict[str, str] = {}
    for alias in names:
        if name_key(alias) and name_key(alias) != own:
            unique.setdefault(name_key(alias), alias)
    base = found[0] if found else RegisterEntry(name, kind)
    entry = RegisterEntry(name, kind, list(unique.values()), role or base.role,
                          affiliation or base.affiliation, note or base.note)
    return Learning(entry, found)
