"""Upgrades of older project-file layouts: MIGRATIONS[n] turns version n into version n + 1.

Each step works on the parsed JSON (plain dicts and lists) and must never trust it: a value
of the wrong shape is left for the version-1 checks to report in one clear sentence.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Document = dict[str, Any]


def _v0_to_v1(document: Document) -> Document:
    """Version 0, the early draft format, kept each claim's rating as flat entries.

    A v0 claim carried "reliability": "B2" (Admiralty letter and digit together),
    "likelihood" and "status" beside its other entries; version 1 groups them into a
    "rating" object and splits the Admiralty code.
    """
    upgraded = copy.deepcopy(document)
    briefing = upgraded.get("briefing")
    claims = briefing.get("claims") if isinstance(briefing, dict) else None
    for claim in claims if isinstance(claims, list) else []:
        if not isinstance(claim, dict) or "rating" in claim:
            continue
        code = claim.pop("reliability", "")
        code = code if isinstance(code, str) else ""
        claim["rating"] = {
            "reliability": code[:1],
            "credibility": code[1:2],
            "likelihood": claim.pop("likelihood", ""),
            "status": claim.pop("status", "unverified"),
        }
    upgraded["version"] = 1
    return upgraded


MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _v0_to_v1}
