"""The councils an advocacy case can name: DfE's local authorities, keyed on the 3-digit LA
code the public statistics pages use (`/statistics/councils/<code>/`).

`councils.csv` is written by `ehcp stats councils --format csv` from the statistics store
holding the shared DfE releases (its `council` table), so the list is there when the store is
not; a test checks every code and name against the store. Councils that no longer report
(reorganised away) are kept for old cases but not offered. To regenerate, after importing
the releases:

    .venv/bin/ehcp stats councils --format csv > src/ehcp/web/advocacy/councils.csv
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

LIST: Final = Path(__file__).with_name("councils.csv")


@dataclass(frozen=True)
class Council:
    la_code: str
    name: str
    region: str
    last_year: int


@cache
def councils() -> dict[str, Council]:
    with LIST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["la_code"]: Council(row["la_code"], row["name"], row["region"], int(row["last_year"]))
        for row in rows
    }


def council_name(la_code: str) -> str:
    """The council's name, or "Council not recorded" for an empty or unknown code."""
    found = councils().get(la_code)
    return found.name if found else "Council not recorded"


def council_choices() -> list[tuple[str, str]]:
    """The councils reporting in the latest release, by name."""
    latest = max(c.last_year for c in councils().values())
    current = [c for c in councils().values() if c.last_year == latest]
    return [(c.la_code, c.name) for c in sorted(current, key=lambda c: c.name)]
