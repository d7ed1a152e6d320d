"""A league table as shown: sorted by a column, with one council and its neighbours marked.

The ranks and quartiles are `ehcp.stats.queries.rank`'s; this module only reorders rows and
says which to highlight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ehcp.stats.queries import Council, Ranked

SORTS: dict[str, Callable[[Ranked], Any]] = {
    "rank": lambda r: (r.rank, r.council.name),
    "council": lambda r: (r.council.name, r.rank),
    "region": lambda r: (r.council.region_name or "", r.rank, r.council.name),
    "value": lambda r: (r.value.value, r.council.name),
}
ORDERS = ("ascending", "descending")

SELECTED = "Selected council"
ABOVE = "Ranked just above"
BELOW = "Ranked just below"
SAME_REGION = "Same region"


@dataclass(frozen=True)
class Sorting:
    column: str = "rank"
    order: str = "ascending"

    def link(self, column: str) -> Sorting:
        """The sorting a column header's link asks for: its other order when sorted by it."""
        if column == self.column and self.order == "ascending":
            return Sorting(column, "descending")
        return Sorting(column, "ascending")

    def aria(self, column: str) -> str:
        return self.order if column == self.column else "none"


def parse_sorting(column: str | None, order: str | None) -> Sorting | None:
    """The requested sorting, or None if either part is not one we offer."""
    column = column or "rank"
    order = order or "ascending"
    if column not in SORTS or order not in ORDERS:
        return None
    return Sorting(column, order)


def sort(ranked: Sequence[Ranked], sorting: Sorting) -> list[Ranked]:
    return sorted(ranked, key=SORTS[sorting.column], reverse=sorting.order == "descending")


def neighbours(ranked: Sequence[Ranked], council: Council) -> dict[str, str]:
    """LA code -> why it is highlighted: the council, those ranked just above and below it
    (in rank order), and the others in its region. Empty if the council has no figure."""
    codes = [r.council.la_code for r in ranked]
    if council.la_code not in codes:
        return {}
    place = codes.index(council.la_code)
    marks = {
        r.council.la_code: SAME_REGION
        for r in ranked
        if council.region_code and r.council.region_code == council.region_code
    }
    if place > 0:
        marks[codes[place - 1]] = ABOVE
    if place + 1 < len(codes):
        marks[codes[place + 1]] = BELOW
    marks[council.la_code] = SELECTED
    return marks
