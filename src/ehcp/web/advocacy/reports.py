"""What the office sees across its cases: counts by council, the figures for raising with a
council or in a parliamentary question, and the one-page summary for the family. Every date
and every met or missed comes from the clock (`ehcp.rules`, through `cases.summary`)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from django.db.models import Count, Q, QuerySet

from ehcp.rules import Deadline, Status
from ehcp.web.advocacy.councils import council_name
from ehcp.web.cases import adapters
from ehcp.web.cases.models import Case
from ehcp.web.cases.summary import schedule

SUPPRESS_BELOW: Final = 5
# The time limits the figures count, in words a constituent or a minister would use.
LIMIT_GROUPS: Final = (
    ("decision", "Decision whether to assess (6 weeks)"),
    ("plan", "Final plan issued (20 weeks)"),
    ("review", "Annual review steps"),
    ("transfer", "Phase transfer reviews"),
)


@dataclass(frozen=True)
class CouncilRow:
    la_code: str
    name: str
    cases: int
    overdue: int
    due_soon: int


def by_council(cases: QuerySet[Case], today: date) -> list[CouncilRow]:
    """Cases, cases with an overdue step, and cases with a step due within 7 days, by
    council responsible."""
    week = Q(next_due__gte=today, next_due__lte=today + timedelta(days=7))
    rows = (
        cases.values("advocacy__council_code")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=Q(open_breaches__gt=0)),
            due_soon=Count("pk", filter=week),
        )
        .order_by()
    )
    found = [
        CouncilRow(
            code := row["advocacy__council_code"] or "",
            council_name(code),
            row["total"],
            row["overdue"],
            row["due_soon"],
        )
        for row in rows
    ]
    return sorted(found, key=lambda r: (r.la_code == "", r.name))


def limit_group(deadline: Deadline) -> str | None:
    if deadline.step:
        return None
    if deadline.id == "A1":
        return "decision"
    if deadline.id == "A6":
        return "plan"
    if deadline.id in ("P1", "P2"):
        return "transfer"
    if deadline.id.startswith("R"):
        return "review"
    return None


def missed(deadline: Deadline) -> bool:
    return deadline.is_breach and deadline.status is not Status.TOO_EARLY


def with_facts(cases: QuerySet[Case]) -> Iterable[Case]:
    return cases.select_related("child", "advocacy").prefetch_related(
        "events", "exceptions", "closures"
    )


@dataclass(frozen=True)
class FigureRow:
    council: str
    month: str  # "2026-03"
    counts: dict[str, int]

    def shown(self, group: str) -> str:
        """The count, or "fewer than 5" (and none at all as 0)."""
        count = self.counts.get(group, 0)
        return "fewer than 5" if 0 < count < SUPPRESS_BELOW else str(count)

    @property
    def cells(self) -> list[str]:
        return [self.shown(group) for group, _ in LIMIT_GROUPS]

    @property
    def month_words(self) -> str:
        return month_words(self.month)


def figures(cases: QuerySet[Case], today: date) -> list[FigureRow]:
    """Missed time limits by council and the month each fell due."""
    tally: Counter[tuple[str, str, str]] = Counter()
    for case in with_facts(cases):
        code = getattr(getattr(case, "advocacy", None), "council_code", "")
        for deadline in schedule(adapters.facts_for(case), today):
            group = limit_group(deadline)
            if group and missed(deadline):
                tally[(council_name(code), deadline.due.strftime("%Y-%m"), group)] += 1
    keys = sorted({(council, month) for council, month, _ in tally})
    return [
        FigureRow(council, month, {g: tally[(council, month, g)] for g, _ in LIMIT_GROUPS})
        for council, month in keys
    ]


FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A spreadsheet cell that cannot run as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def figures_csv(rows: list[FigureRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Council", "Month due", *(title for _, title in LIMIT_GROUPS)])
    for row in rows:
        cells = [row.council, row.month, *row.cells]
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()


def month_words(month: str) -> str:
    year, number = month.split("-")
    return date(int(year), int(number), 1).strftime("%B %Y")
